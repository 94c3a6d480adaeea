package dev.postern.resourceserver;

/**
 * A bearer token that does not prove anything: malformed, signed by no published key, with an algorithm
 * not accepted, expired, not yet valid, or for another issuer or audience. The message says which, for
 * logs; send clients only a generic 401.
 */
public final class InvalidTokenException extends Exception {
    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
