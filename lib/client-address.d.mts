export declare const CLIENT_ADDRESS_HEADER: "x-fluxer-client-address";
export declare function parseTrustProxy(value: string | undefined | null): number;
export declare function addressKey(address: string | undefined | null): string;
export declare function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined | null,
  hops: number,
): string;
