package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.decrypt.Decryption;
import io.jenkins.plugins.gitopssync.engine.decrypt.DecryptionKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Keys for sops-encrypted files, from the environment as sops reads them: {@code SOPS_AGE_KEY} (identities),
 * {@code SOPS_AGE_KEY_FILE}, else sops' default {@code $XDG_CONFIG_HOME/sops/age/keys.txt}; and
 * {@code GITOPS_SYNC_DECRYPTION_KEYS_FILE} (age identities and/or armored OpenPGP private keys, since this
 * tool reads no GnuPG keyring). Keys are never given on the command line.
 */
final class DecryptionFlags {

    static final String AGE_KEY = "SOPS_AGE_KEY";
    static final String AGE_KEY_FILE = "SOPS_AGE_KEY_FILE";
    static final String KEYS_FILE = "GITOPS_SYNC_DECRYPTION_KEYS_FILE";

    @Option(names = "--skip-mac-check",
            description = "Decrypt sops files without checking their MAC (Flux's default): a changed, added or "
                    + "reordered value then goes unnoticed. Default: the MAC is checked.")
    boolean skipMacCheck;

    Decryption decryption(Environment env) {
        DecryptionKeys keys = DecryptionKeys.none();
        String inline = env.get(AGE_KEY);
        if (inline != null) {
            keys = keys.with(DecryptionKeys.parse(inline, "from $" + AGE_KEY));
        }
        String ageFile = env.get(AGE_KEY_FILE);
        if (ageFile != null) {
            keys = keys.with(read(env, ageFile, "$" + AGE_KEY_FILE));
        } else {
            Path dflt = configHome(env).resolve("sops/age/keys.txt");
            if (Files.isRegularFile(dflt)) {
                keys = keys.with(read(env, dflt.toString(), dflt.toString()));
            }
        }
        String both = env.get(KEYS_FILE);
        if (both != null) {
            keys = keys.with(read(env, both, "$" + KEYS_FILE));
        }
        return new Decryption(keys, !skipMacCheck);
    }

    private static DecryptionKeys read(Environment env, String file, String origin) {
        Path path = env.workingDirectory().resolve(file);
        try {
            return DecryptionKeys.parse(Files.readString(path, StandardCharsets.UTF_8), "in " + path + " (" + origin + ")");
        } catch (IOException e) {
            throw new SyncException("cannot read the decryption keys in " + path + " (" + origin + "): " + e.getMessage());
        }
    }

    private static Path configHome(Environment env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null ? Path.of(xdg) : env.home().resolve(".config");
    }
}
