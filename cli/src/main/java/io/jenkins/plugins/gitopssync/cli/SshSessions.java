package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The SSH side of a fetch: JGit's Apache MINA sshd client with the user's ~/.ssh, or the key file and
 * known_hosts the environment names ({@link GitCredentials}); made on the first ssh transport, closed with
 * the source.
 */
final class SshSessions implements AutoCloseable {

    private final Path home;
    private final GitCredentials credentials;
    private SshdSessionFactory factory;

    SshSessions(Path home, GitCredentials credentials) {
        this.home = home;
        this.credentials = credentials;
    }

    /** Gives an ssh transport the session factory; other transports are left as they are. */
    void configure(Transport transport) {
        if (transport instanceof SshTransport ssh) {
            ssh.setSshSessionFactory(factory());
        }
    }

    private SshdSessionFactory factory() {
        if (factory == null) {
            SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                    .setHomeDirectory(home.toFile())
                    .setSshDirectory(home.resolve(".ssh").toFile());
            Path key = readable(credentials.sshKeyFile(), GitCredentials.SSH_KEY_FILE);
            if (key != null) {
                builder.setDefaultIdentities(sshDir -> List.of(key));
            }
            Path knownHosts = readable(credentials.knownHosts(), GitCredentials.SSH_KNOWN_HOSTS);
            if (knownHosts != null) {
                builder.setDefaultKnownHostsFiles(sshDir -> List.of(knownHosts));
            }
            factory = builder.build(null);
        }
        return factory;
    }

    private static Path readable(Path file, String variable) {
        if (file != null && !Files.isReadable(file)) {
            throw new SyncException(variable + " names " + file + ", which cannot be read");
        }
        return file;
    }

    @Override
    public void close() {
        if (factory != null) {
            factory.close();
        }
    }
}
