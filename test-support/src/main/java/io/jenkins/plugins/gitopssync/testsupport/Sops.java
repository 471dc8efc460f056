package io.jenkins.plugins.gitopssync.testsupport;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code sops}, {@code age-keygen} and {@code gpg}, the oracles of the decryption tests: keys
 * made for the test, files encrypted and decrypted as a user would. sops is found through
 * {@code GITOPS_TEST_SOPS}, the PATH, or {@code test-cluster/tool path sops}; a missing tool skips the test,
 * or fails it when GITOPS_TEST_REQUIRE_CLUSTER=true.
 */
public final class Sops {

    /** A tool's exit code and its stdout (bytes) and stderr. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** An age identity made by age-keygen: the key file's text and its recipient. */
    public record AgeKey(String identityFile, String recipient) {
    }

    /** An OpenPGP key made by gpg in its own home: the fingerprint and the armored secret key. */
    public record PgpKey(Path gnupgHome, String fingerprint, String armoredSecretKey) {
    }

    private Sops() {
    }

    /** The sops binary. */
    public static String binary() {
        String env = System.getenv("GITOPS_TEST_SOPS");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String onPath = onPath("sops");
        if (onPath != null) {
            return onPath;
        }
        Path tool = repositoryRoot().resolve("test-cluster/tool");
        try {
            Result r = run(List.of(tool.toString(), "path", "sops"), Map.of(), null);
            if (r.exitCode() == 0) {
                return r.out().strip();
            }
        } catch (IOException e) {
            // reported below
        }
        return missing("sops (build it with test-cluster/tool build sops)");
    }

    /** A tool that must be on the PATH (age-keygen, gpg). */
    public static String require(String tool) {
        String found = onPath(tool);
        return found != null ? found : missing(tool + " (Debian packages age and gnupg)");
    }

    private static String missing(String what) {
        if ("true".equalsIgnoreCase(System.getenv("GITOPS_TEST_REQUIRE_CLUSTER"))) {
            fail("GITOPS_TEST_REQUIRE_CLUSTER=true but " + what + " is missing");
        }
        assumeTrue(false, "skipped: " + what + " is missing");
        return null;
    }

    /** Runs sops with {@code env} added (SOPS_AGE_KEY_FILE, GNUPGHOME...), in {@code dir}. */
    public static Result sops(Map<String, String> env, Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary());
        cmd.addAll(List.of(args));
        return run(cmd, env, dir);
    }

    /** sops's output, failing the test when it fails. */
    public static byte[] ok(Map<String, String> env, Path dir, String... args) throws IOException {
        Result r = sops(env, dir, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("sops " + String.join(" ", args) + " failed: " + r.stderr());
        }
        return r.stdout();
    }

    public static AgeKey ageKey(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".agekey");
        Result r = run(List.of(require("age-keygen"), "-o", file.toString()), Map.of(), dir);
        if (r.exitCode() != 0) {
            throw new AssertionError("age-keygen failed: " + r.stderr());
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String recipient = text.lines().filter(l -> l.startsWith("# public key: ")).findFirst().orElseThrow()
                .substring("# public key: ".length()).strip();
        return new AgeKey(text, recipient);
    }

    /** A key without a passphrase; {@code algorithm} as gpg's --quick-gen-key takes it (rsa3072, ed25519...). */
    public static PgpKey pgpKey(Path dir, String name, String algorithm) throws IOException {
        Path home = Files.createDirectories(dir.resolve("gnupg-" + name));
        home.toFile().setReadable(false, false);
        home.toFile().setReadable(true, true);
        home.toFile().setExecutable(false, false);
        home.toFile().setExecutable(true, true);
        Map<String, String> env = Map.of("GNUPGHOME", home.toString());
        String gpg = require("gpg");
        String uid = name + " <" + name + "@example.org>";
        gpgOk(env, dir, gpg, "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                "--quick-gen-key", uid, algorithm, "default", "never");
        String fp = fingerprint(env, dir, gpg);
        String sub = algorithm.equals("ed25519") ? "cv25519" : algorithm;
        gpgOk(env, dir, gpg, "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                "--quick-add-key", fp, sub, "encr", "never");
        String secret = new String(gpgOk(env, dir, gpg, "--batch", "--armor", "--pinentry-mode", "loopback",
                "--passphrase", "", "--export-secret-keys", fp).stdout(), StandardCharsets.UTF_8);
        return new PgpKey(home, fp, secret);
    }

    /** Stops the gpg-agent that gpg started for the key's home (only that one, by its home). */
    public static void stopAgent(PgpKey key) throws IOException {
        String gpgconf = onPath("gpgconf");
        if (gpgconf != null) {
            run(List.of(gpgconf, "--homedir", key.gnupgHome().toString(), "--kill", "gpg-agent"), Map.of(), null);
        }
    }

    private static String fingerprint(Map<String, String> env, Path dir, String gpg) throws IOException {
        String listing = gpgOk(env, dir, gpg, "--batch", "--with-colons", "--list-secret-keys").out();
        return listing.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
    }

    private static Result gpgOk(Map<String, String> env, Path dir, String... cmd) throws IOException {
        Result r = run(List.of(cmd), env, dir);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + r.stderr());
        }
        return r;
    }

    private static Result run(List<String> cmd, Map<String, String> env, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Path err = Files.createTempFile("sops-test", ".err");
        pb.redirectError(err.toFile());
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Result(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static String onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** The repository root: the first directory upwards that holds test-cluster/tool. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("test-cluster/tool"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("") : dir;
    }
}
