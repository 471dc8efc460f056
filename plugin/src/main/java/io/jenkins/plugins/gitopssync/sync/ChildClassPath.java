package io.jenkins.plugins.gitopssync.sync;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars a child JVM syncs with, found on the controller: the jar of each class in {@link AgentPreload#CLASSES}
 * (the engine's among them), of the few more the engine calls in a JVM of its own (this plugin's, logging, localized
 * messages, Bouncy Castle), and all of fabric8's Kubernetes jars. Each jar is named by the SHA-256 of its content,
 * so an agent keeps one copy per version across builds and restarts. A folder of classes (the plugin under test) is packed into a jar
 * with fixed entry times, so the same classes give the same name; a signed jar travels unsigned ({@link #unsigned}).
 */
final class ChildClassPath {

    private static final Logger LOGGER = Logger.getLogger(ChildClassPath.class.getName());

    /** Besides the preloaded jars: what the engine needs that the agent's JVM would have from Jenkins' core. */
    static final List<String> MORE_CLASSES = List.of(
            ChildSyncMain.class.getName(),
            "org.slf4j.LoggerFactory",
            "org.jvnet.localizer.Localizable",
            "org.bouncycastle.openpgp.PGPPublicKey",
            "org.bouncycastle.jce.provider.BouncyCastleProvider",
            "org.bouncycastle.asn1.cms.ContentInfo",
            // SSH commit signatures: JGit's verifier on Apache MINA SSHD's key classes
            "org.eclipse.jgit.signing.ssh.SshSignatureVerifierFactory",
            "org.apache.sshd.common.SshConstants",
            "org.apache.sshd.client.SshClient",
            "net.i2p.crypto.eddsa.EdDSAEngine");

    /** A jar on the controller and its content's SHA-256 (hex). */
    record LibraryJar(File file, String sha256) {
    }

    private static volatile List<LibraryJar> jars;

    private ChildClassPath() {
    }

    /** The jars, in class path order; found and hashed once per controller start (two first calls at once both work). */
    static List<LibraryJar> jars() throws IOException {
        List<LibraryJar> found = jars;
        if (found == null) {
            List<LibraryJar> list = new ArrayList<>();
            for (File f : files()) {
                list.add(hashed(f));
            }
            found = List.copyOf(list);
            jars = found;
        }
        return found;
    }

    private static Set<File> files() {
        Set<File> files = new LinkedHashSet<>();
        ClassLoader ours = ChildClassPath.class.getClassLoader();
        for (String name : Stream.concat(AgentPreload.CLASSES.stream(), MORE_CLASSES.stream()).toList()) {
            try {
                File f = codeSource(Class.forName(name, false, ours));
                if (f != null) {
                    files.add(f);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                LOGGER.log(Level.FINE, "no jar of {0} for the child JVM: {1}", new Object[] {name, e});
            }
        }
        // fabric8's client registers every Kubernetes model module's kinds when it starts: all those jars (but not
        // OpenShift's, which kubernetes-client-api bundles too: twice the size, never used)
        ClassLoader fabric8 = loaderOf(FABRIC8, ours);
        if (fabric8 instanceof URLClassLoader u && fabric8 != ClassLoader.getSystemClassLoader()) {
            for (URL url : u.getURLs()) {
                addKubernetesJar(files, fileOf(url)); // in Jenkins: kubernetes-client-api's WEB-INF/lib
            }
        } else if (fabric8 != null) {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                addKubernetesJar(files, new File(entry)); // one flat class path: a test harness
            }
        }
        return files;
    }

    private static void addKubernetesJar(Set<File> files, File f) {
        String name = f == null ? "" : f.getName();
        if ((name.startsWith("kubernetes-") || name.startsWith("zjsonpatch")) && name.endsWith(".jar")) {
            files.add(f);
        }
    }

    private static final String FABRIC8 = "io.fabric8.kubernetes.client.KubernetesClient";

    private static ClassLoader loaderOf(String name, ClassLoader ours) {
        try {
            return Class.forName(name, false, ours).getClassLoader();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }


    private static File codeSource(Class<?> k) {
        CodeSource source = k.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? null : fileOf(source.getLocation());
    }

    private static File fileOf(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? new File(url.toURI()) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static LibraryJar hashed(File f) throws IOException {
        File jar = f.isDirectory() ? packed(f.toPath()) : unsigned(f);
        return new LibraryJar(jar, sha256(jar.toPath()));
    }

    /**
     * A signed jar (JGit's) as a copy without its signature, or the jar itself. The JVM leaves classes of signed jars
     * out of a class-data cache, so they would load slowly on every start; and JDK 17's cache writer crashes the JVM at
     * its exit on a lambda whose class it left out (JDK-8276184, fixed in 18). The copy is made from the controller's
     * own jar, so nothing is lost: the child JVM trusts its class path as the controller does. Bouncy Castle's jars
     * stay signed: a JCE provider may have to be.
     */
    static File unsigned(File jar) throws IOException {
        List<String> signatures = new ArrayList<>();
        boolean bouncyCastle = false;
        try (JarFile in = new JarFile(jar, false)) {
            for (JarEntry e : Collections.list(in.entries())) {
                String name = e.getName();
                if (SIGNATURE.matcher(name).matches()) {
                    signatures.add(name);
                }
                bouncyCastle |= name.startsWith("org/bouncycastle/");
            }
            if (signatures.isEmpty() || bouncyCastle) {
                return jar;
            }
            Path copy = Files.createTempFile("gitops-sync-unsigned", ".jar");
            copy.toFile().deleteOnExit();
            try (OutputStream o = Files.newOutputStream(copy); JarOutputStream out = new JarOutputStream(o)) {
                for (JarEntry e : Collections.list(in.entries())) {
                    String name = e.getName();
                    if (signatures.contains(name)) {
                        continue;
                    }
                    JarEntry entry = new JarEntry(name);
                    entry.setTime(e.getTime());
                    out.putNextEntry(entry);
                    if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        // the main attributes only: the per-entry digests belong to the signature
                        Manifest manifest = new Manifest();
                        manifest.getMainAttributes().putAll(in.getManifest().getMainAttributes());
                        manifest.write(out);
                    } else {
                        try (InputStream data = in.getInputStream(e)) {
                            data.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            return copy.toFile();
        }
    }

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);

    /** A folder of classes as a jar, entries sorted and dated alike: the same classes make the same bytes. */
    private static File packed(Path dir) throws IOException {
        Path jar = Files.createTempFile("gitops-sync-classes", ".jar");
        jar.toFile().deleteOnExit();
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(dir)) {
            entries = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(o)) {
            for (Path p : entries) {
                JarEntry entry = new JarEntry(dir.relativize(p).toString().replace(File.separatorChar, '/'));
                entry.setTime(0L);
                out.putNextEntry(entry);
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar.toFile();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
