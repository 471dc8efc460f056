package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.util.Locale;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * An age X25519 identity ({@code AGE-SECRET-KEY-1...}) and the recipient it decrypts for
 * ({@code age1...}). {@link #toString()} names the recipient only: the secret never leaves this object.
 */
public final class AgeIdentity {

    private static final String SECRET_HRP = "age-secret-key-";

    private final X25519PrivateKeyParameters key;
    private final String recipient;

    private AgeIdentity(byte[] scalar) {
        this.key = new X25519PrivateKeyParameters(scalar, 0);
        this.recipient = Bech32.encode("age", key.generatePublicKey().getEncoded());
    }

    /** Null when {@code text} is not an age identity (the caller decides whether that is an error). */
    static AgeIdentity parse(String text) {
        String s = text.strip();
        if (!s.toUpperCase(Locale.ROOT).startsWith("AGE-SECRET-KEY-1")) {
            return null;
        }
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an age identity that is not valid Bech32 (" + e.getMessage() + ")");
        }
        if (!decoded.hrp().equals(SECRET_HRP) || decoded.data().length != 32) {
            throw new IllegalArgumentException("an age identity of the wrong length or type");
        }
        return new AgeIdentity(decoded.data());
    }

    /** The {@code age1...} recipient this identity decrypts for. */
    public String recipient() {
        return recipient;
    }

    X25519PrivateKeyParameters key() {
        return key;
    }

    @Override
    public String toString() {
        return "age identity for " + recipient;
    }
}
