package io.jenkins.plugins.gitopssync.engine.decrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.testsupport.Sops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files encrypted by the real sops with keys made for the test (age, OpenPGP RSA and Curve25519), in all
 * four formats and with each rule option: the engine's decryption equals {@code sops --decrypt} byte for
 * byte; tampering is refused as sops refuses it.
 */
class SopsDecryptorTest {

    @TempDir
    static Path dir;
    static Sops.AgeKey age;
    static Sops.AgeKey otherAge;
    static Sops.PgpKey rsa;
    static Sops.PgpKey curve;

    @BeforeAll
    static void keys() throws IOException {
        age = Sops.ageKey(dir, "alice");
        otherAge = Sops.ageKey(dir, "mallory");
        rsa = Sops.pgpKey(dir, "bob", "rsa3072");
        curve = Sops.pgpKey(dir, "carol", "ed25519");
    }

    @AfterAll
    static void stopAgents() throws IOException {
        Sops.stopAgent(rsa);
        Sops.stopAgent(curve);
    }

    static Stream<Arguments> formatsKeysAndRules() {
        List<List<String>> rules = List.of(List.of(),
                List.of("--encrypted-regex", "^(data|stringData|DB_PASSWORD|TOKEN|MULTI|password|token)$"),
                List.of("--unencrypted-regex", "^(apiVersion|kind|metadata|DB_HOST|NOTE_plain)$"),
                List.of("--encrypted-suffix", "_secret"),
                List.of("--unencrypted-suffix", "_plain"),
                List.of("--mac-only-encrypted", "--encrypted-regex", "^(stringData|DB_PASSWORD|TOKEN|data)$"));
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("secret.yaml", "config.json", "app.env", "blob.bin")) {
            for (String key : List.of("age", "rsa", "curve")) {
                for (List<String> r : rules) {
                    if (!file.equals("blob.bin") || r.isEmpty() || key.equals("age")) {
                        out.add(Arguments.of(file, key, r));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("formatsKeysAndRules")
    void decryptsAsSopsDoes(String file, String key, List<String> rules) throws IOException {
        byte[] encrypted = encrypt(file, key, rules);
        byte[] expected = Sops.ok(env(key), dir, "decrypt", dir.resolve("enc-" + file).toString());

        SopsDecryptor.Decrypted d = decryptor(key, true).decrypt(file, encrypted, SopsFormat.forPath(file));

        assertThat(new String(d.content(), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
        assertThat(new String(expected, StandardCharsets.ISO_8859_1)).contains(SopsFixtures.TOKEN);
        assertThat(d.secrets()).as("decrypted values, for masking").isNotEmpty();
        if (!file.endsWith(".json")) { // JSON escapes some of them
            assertThat(d.secrets()).allMatch(s -> new String(expected, StandardCharsets.UTF_8).contains(s.lines().findFirst().orElse("")));
        }
        if (!rules.contains("--encrypted-suffix")) {
            assertThat(d.secrets()).anyMatch(s -> s.contains(SopsFixtures.TOKEN));
        }
    }

    @Test
    void aValueChangedInPlaceIsRefusedNamingTheFile() throws IOException {
        String enc = new String(encrypt("app.env", "age", List.of()), StandardCharsets.UTF_8);
        String host = line(enc, "DB_HOST=");
        String token = line(enc, "TOKEN=");
        // the token's ciphertext under the host's key: authenticates under neither
        String tampered = enc.replace(host, "DB_HOST=" + token.substring("TOKEN=".length()));

        assertThat(sopsRefuses("app.env", tampered)).isTrue();
        assertThatThrownBy(() -> decryptor("age", true).decrypt("apps/app.env", bytes(tampered), SopsFormat.DOTENV))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("apps/app.env: cannot decrypt")
                .hasMessageContaining("does not authenticate").hasMessageEndingWith(" at DB_HOST")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SopsFixtures.TOKEN));
    }

    @Test
    void reorderedValuesFailTheMacUnlessTheCheckIsOff() throws IOException {
        String enc = new String(encrypt("app.env", "age", List.of()), StandardCharsets.UTF_8);
        String host = line(enc, "DB_HOST=");
        String password = line(enc, "DB_PASSWORD=");
        String reordered = enc.replace(host + "\n", "").replace(password + "\n", password + "\n" + host + "\n");

        assertThat(sopsRefuses("app.env", reordered)).isTrue();
        assertThatThrownBy(() -> decryptor("age", true).decrypt("app.env", bytes(reordered), SopsFormat.DOTENV))
                .hasMessageContaining("app.env: cannot decrypt").hasMessageContaining("the MAC does not match");
        byte[] unchecked = decryptor("age", false).decrypt("app.env", bytes(reordered), SopsFormat.DOTENV).content();
        assertThat(new String(unchecked, StandardCharsets.UTF_8)).contains("DB_HOST=db.internal");
    }

    @Test
    void aChangedUnencryptedValueFailsTheMacUnlessOnlyEncryptedValuesAreCovered() throws IOException {
        List<String> regex = List.of("--encrypted-regex", "^(stringData|data)$");
        String plainMac = new String(encrypt("secret.yaml", "age", regex), StandardCharsets.UTF_8)
                .replace("name: db-credentials", "name: renamed");
        assertThat(sopsRefuses("secret.yaml", plainMac)).isTrue();
        assertThatThrownBy(() -> decryptor("age", true).decrypt("s.yaml", bytes(plainMac), SopsFormat.YAML))
                .hasMessageContaining("the MAC does not match");

        List<String> macOnly = List.of("--mac-only-encrypted", "--encrypted-regex", "^(stringData|data)$");
        String renamed = new String(encrypt("secret.yaml", "age", macOnly), StandardCharsets.UTF_8)
                .replace("name: db-credentials", "name: renamed");
        Files.writeString(dir.resolve("renamed.yaml"), renamed);
        byte[] expected = Sops.ok(env("age"), dir, "decrypt", "renamed.yaml");
        assertThat(decryptor("age", true).decrypt("s.yaml", bytes(renamed), SopsFormat.YAML).content()).isEqualTo(expected);
    }

    @Test
    void noMatchingKeyNamesTheRecipients() throws IOException {
        byte[] enc = encrypt("secret.yaml", "age", List.of());
        DecryptionKeys wrong = DecryptionKeys.parse(otherAge.identityFile(), "mallory.agekey")
                .with(DecryptionKeys.parse(curve.armoredSecretKey(), "carol.asc"));

        assertThatThrownBy(() -> new SopsDecryptor(wrong, true).decrypt("base/secret.yaml", enc, SopsFormat.YAML))
                .hasMessageStartingWith("base/secret.yaml: cannot decrypt")
                .hasMessageContaining("encrypted for age " + age.recipient())
                .hasMessageContaining("the keys given are age " + otherAge.recipient() + ", OpenPGP " + curve.fingerprint());
        assertThatThrownBy(() -> new SopsDecryptor(DecryptionKeys.none(), true).decrypt("x.yaml", enc, SopsFormat.YAML))
                .hasMessageContaining("no decryption keys were given");
    }

    @Test
    void keysAreReadFromOneTextWithBothKinds() {
        DecryptionKeys keys = DecryptionKeys.parse(age.identityFile() + "\n" + rsa.armoredSecretKey(), "both");
        assertThat(keys.describe()).containsExactly("age " + age.recipient(), "OpenPGP " + rsa.fingerprint());
        assertThat(keys.toString()).doesNotContain("AGE-SECRET-KEY");
        assertThatThrownBy(() -> DecryptionKeys.parse("not a key", "k.txt"))
                .hasMessage("decryption keys k.txt: a line that is not a key (only X25519 age identities and OpenPGP keys are supported)");
    }

    private static byte[] encrypt(String file, String key, List<String> rules) throws IOException {
        Files.write(dir.resolve(file), SopsFixtures.FILES.get(file));
        List<String> args = new ArrayList<>();
        if (rules.contains("--mac-only-encrypted")) { // a creation rule only, not a flag
            Path config = Files.writeString(dir.resolve("mac-only.sops.yaml"), "creation_rules:\n  - mac_only_encrypted: true\n");
            args.addAll(List.of("--config", config.toString()));
        }
        args.add("encrypt");
        rules.stream().filter(r -> !r.equals("--mac-only-encrypted")).forEach(args::add);
        args.addAll(switch (key) {
            case "age" -> List.of("--age", age.recipient());
            case "rsa" -> List.of("--pgp", rsa.fingerprint());
            default -> List.of("--pgp", curve.fingerprint());
        });
        args.add(file);
        byte[] enc = Sops.ok(env(key), dir, args.toArray(String[]::new));
        Files.write(dir.resolve("enc-" + file), enc);
        return enc;
    }

    private static Map<String, String> env(String key) throws IOException {
        Path ageFile = dir.resolve("alice.agekey");
        return switch (key) {
            case "age" -> Map.of("SOPS_AGE_KEY_FILE", ageFile.toString());
            case "rsa" -> Map.of("GNUPGHOME", rsa.gnupgHome().toString());
            default -> Map.of("GNUPGHOME", curve.gnupgHome().toString());
        };
    }

    private static SopsDecryptor decryptor(String key, boolean verifyMac) {
        String text = switch (key) {
            case "age" -> age.identityFile();
            case "rsa" -> rsa.armoredSecretKey();
            default -> curve.armoredSecretKey();
        };
        return new SopsDecryptor(DecryptionKeys.parse(text, key), verifyMac);
    }

    private static boolean sopsRefuses(String file, String content) throws IOException {
        String ext = file.substring(file.lastIndexOf('.'));
        Path tampered = dir.resolve("tampered" + ext);
        Files.writeString(tampered, content);
        return Sops.sops(env("age"), dir, "decrypt", tampered.toString()).exitCode() != 0;
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
