export interface SessionCreateParams {
    client_secret?: SessionCreateParams.ClientSecret;
}
export declare namespace SessionCreateParams {
    /** Configuration options for the generated client secret. */
    interface ClientSecret {
        expires_at?: ClientSecret.ExpiresAt;
    }
    namespace ClientSecret {
        /** Configuration for the ephemeral token expiration. */
        interface ExpiresAt {
            anchor?: 'created_at';
            seconds?: number;
        }
    }
}
/** A namespace without a merged interface. */
export declare namespace Dotted.Inner {
    interface Leaf {
        value: string;
    }
}
