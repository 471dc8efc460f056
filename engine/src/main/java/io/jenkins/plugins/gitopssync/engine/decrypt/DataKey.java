package io.jenkins.plugins.gitopssync.engine.decrypt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Unwraps a file's data key with the first of the given keys that is one of its recipients (age first, as sops). */
final class DataKey {

    private DataKey() {
    }

    static byte[] unwrap(SopsMetadata metadata, DecryptionKeys keys) throws DecryptionException {
        List<String> problems = new ArrayList<>();
        if (!keys.age().isEmpty()) {
            for (SopsMetadata.Recipient r : metadata.age()) {
                try {
                    byte[] key = AgeFile.decrypt(r.enc().getBytes(StandardCharsets.US_ASCII), keys.age());
                    if (key != null) {
                        return checked(key);
                    }
                } catch (DecryptionException e) {
                    problems.add("age " + r.id() + ": " + e.getMessage());
                }
            }
        }
        if (!keys.pgp().isEmpty()) {
            for (SopsMetadata.Recipient r : metadata.pgp()) {
                try {
                    byte[] key = keys.pgp().decrypt(r.enc());
                    if (key != null) {
                        return checked(key);
                    }
                } catch (DecryptionException e) {
                    problems.add("OpenPGP " + r.id() + ": " + e.getMessage());
                }
            }
        }
        String given = keys.isEmpty() ? "no decryption keys were given" : "the keys given are " + String.join(", ", keys.describe());
        throw new DecryptionException("no key to decrypt it: it was encrypted for "
                + (metadata.describeRecipients().isEmpty() ? "no recipient" : String.join(", ", metadata.describeRecipients()))
                + "; " + given + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"));
    }

    private static byte[] checked(byte[] key) throws DecryptionException {
        if (key.length != 32) {
            throw new DecryptionException("its data key is " + key.length + " bytes long, not 32");
        }
        return key;
    }
}
