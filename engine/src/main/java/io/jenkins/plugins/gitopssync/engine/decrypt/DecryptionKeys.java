package io.jenkins.plugins.gitopssync.engine.decrypt;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.util.ArrayList;
import java.util.List;

/**
 * The private keys a sync may decrypt sops files with: age X25519 identities ({@code AGE-SECRET-KEY-1…},
 * one or more per line, {@code #} comments, as in sops' {@code SOPS_AGE_KEY}) and armored OpenPGP private
 * keys without a passphrase. Several sources add up. Immutable; {@link #toString()} names public parts only.
 */
public final class DecryptionKeys {

    private static final DecryptionKeys NONE = new DecryptionKeys(List.of(), PgpKeys.none());

    private final List<AgeIdentity> age;
    private final PgpKeys pgp;

    private DecryptionKeys(List<AgeIdentity> age, PgpKeys pgp) {
        this.age = List.copyOf(age);
        this.pgp = pgp;
    }

    public static DecryptionKeys none() {
        return NONE;
    }

    /**
     * The keys in {@code text}: age identities and OpenPGP private key blocks, told apart by content.
     *
     * @param origin where the text came from (a file, a variable, a credential id), for messages
     * @throws SyncException naming {@code origin} when the text holds no key or an unreadable one
     */
    public static DecryptionKeys parse(String text, String origin) {
        try {
            PgpKeys pgp = PgpKeys.parse(text);
            List<AgeIdentity> age = new ArrayList<>();
            boolean inBlock = false;
            for (String line : text.split("\\R")) {
                String s = line.strip();
                if (s.startsWith("-----BEGIN PGP")) {
                    inBlock = true;
                } else if (s.startsWith("-----END PGP")) {
                    inBlock = false;
                } else if (!inBlock && !s.isEmpty() && !s.startsWith("#")) {
                    for (String word : s.split("\\s+")) {
                        age.add(identity(word));
                    }
                }
            }
            if (age.isEmpty() && pgp.isEmpty()) {
                throw new SyncException("decryption keys " + origin + ": neither an age identity (AGE-SECRET-KEY-1…) nor"
                        + " an armored OpenPGP private key");
            }
            return new DecryptionKeys(age, pgp);
        } catch (IllegalArgumentException e) {
            throw new SyncException("decryption keys " + origin + ": " + e.getMessage());
        }
    }

    private static AgeIdentity identity(String word) {
        AgeIdentity id = AgeIdentity.parse(word);
        if (id == null) {
            String kind = word.startsWith("AGE-PLUGIN-") ? "an age plugin identity"
                    : word.startsWith("AGE-SECRET-KEY-PQ-") ? "a post-quantum age identity" : "a line that is not a key";
            throw new IllegalArgumentException(kind + " (only X25519 age identities and OpenPGP keys are supported)");
        }
        return id;
    }

    public DecryptionKeys with(DecryptionKeys other) {
        List<AgeIdentity> all = new ArrayList<>(age);
        all.addAll(other.age);
        return new DecryptionKeys(all, pgp.with(other.pgp));
    }

    public boolean isEmpty() {
        return age.isEmpty() && pgp.isEmpty();
    }

    List<AgeIdentity> age() {
        return age;
    }

    PgpKeys pgp() {
        return pgp;
    }

    /** The public side of each key: age recipients and OpenPGP fingerprints. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        age.forEach(a -> out.add("age " + a.recipient()));
        pgp.fingerprints().forEach(f -> out.add("OpenPGP " + f));
        return out;
    }

    @Override
    public String toString() {
        return "decryption keys " + describe();
    }
}
