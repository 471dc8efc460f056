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
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The jars a child JVM syncs with, found on the controller: the jar of each class in {@link AgentPreload#CLASSES}
 * and of the few more the engine calls in a JVM of its own (logging, localized messages, Bouncy Castle), plus this
 * plugin's own jar and its bundled libraries. Each jar is named by the SHA-256 of its content, so an agent keeps one
 * copy per version across builds and restarts. A folder of classes (the plugin under test) is packed into a jar
 * with fixed entry times, so the same classes give the same name.
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
            "org.bouncycastle.cert.X509CertificateHolder");

    /** A jar on the controller and its content's SHA-256 (hex). */
    record LibraryJar(File file, String sha256) {
    }

    private static final ConcurrentHashMap<String, LibraryJar> BY_FILE = new ConcurrentHashMap<>();
    private static volatile List<LibraryJar> jars;

    private ChildClassPath() {
    }

    /** The jars, in class path order; found once per controller start. */
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
        for (String name : Stream.concat(Stream.of(ChildSyncMain.class.getName()), Stream.concat(
                AgentPreload.CLASSES.stream(), MORE_CLASSES.stream())).toList()) {
            try {
                File f = codeSource(Class.forName(name, false, ours));
                if (f != null) {
                    files.add(f);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                LOGGER.log(Level.FINE, "no jar of {0} for the child JVM: {1}", new Object[] {name, e});
            }
        }
        // fabric8's client registers every model module's kinds when it starts: all its jars, not one per anchor
        for (ClassLoader loader : new ClassLoader[] {ours, loaderOf(FABRIC8, ours)}) {
            if (loader instanceof URLClassLoader u && loader != ClassLoader.getSystemClassLoader()) {
                // in Jenkins: a plugin's jar and WEB-INF/lib (this plugin's, kubernetes-client-api's)
                for (URL url : u.getURLs()) {
                    addJar(files, fileOf(url));
                }
            } else if (loader != null) {
                // one flat class path (a test harness): fabric8's jars by their Maven folder
                for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                    if (entry.replace(File.separatorChar, '/').contains("/io/fabric8/")) {
                        addJar(files, new File(entry));
                    }
                }
            }
        }
        return files;
    }

    private static final String FABRIC8 = "io.fabric8.kubernetes.client.KubernetesClient";

    private static ClassLoader loaderOf(String name, ClassLoader ours) {
        try {
            return Class.forName(name, false, ours).getClassLoader();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static void addJar(Set<File> files, File f) {
        if (f != null && (f.isDirectory() || f.getName().endsWith(".jar"))) {
            files.add(f);
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
        File jar = f.isDirectory() ? packed(f.toPath()) : f;
        String key = jar.getPath() + ':' + jar.length() + ':' + jar.lastModified();
        LibraryJar known = BY_FILE.get(key);
        if (known == null) {
            known = new LibraryJar(jar, sha256(jar.toPath()));
            BY_FILE.put(key, known);
        }
        return known;
    }

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
