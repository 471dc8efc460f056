package io.jenkins.plugins.gitopssync.engine.cluster;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy, if any, for the one API server a connection talks to, decided as kubectl (Go's net/http) decides:
 * a kubeconfig cluster's {@code proxy-url} first; else {@code HTTPS_PROXY} / {@code HTTP_PROXY} (either case) by
 * the server's scheme, unless {@code NO_PROXY} matches the host (a name and its subdomains, an IP, a CIDR block,
 * {@code *}) or the host is a loopback address, which Go never proxies.
 */
public final class ProxyChoice {

    private ProxyChoice() {
    }

    /** The proxy URL for {@code server}, or null for a direct connection. */
    public static String forServer(String server, String kubeconfigProxyUrl, Map<String, String> env) {
        if (kubeconfigProxyUrl != null && !kubeconfigProxyUrl.isBlank()) {
            return kubeconfigProxyUrl.strip();
        }
        URI uri = URI.create(server);
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        String proxy = "http".equalsIgnoreCase(uri.getScheme()) ? variable(env, "HTTP_PROXY") : variable(env, "HTTPS_PROXY");
        if (proxy == null || loopback(host) || excluded(host, uri.getPort(), variable(env, "NO_PROXY"))) {
            return null;
        }
        return proxy.contains("://") ? proxy : "http://" + proxy;
    }

    private static String variable(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            v = env.get(name.toLowerCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static boolean loopback(String host) {
        String h = unbracket(host);
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        return isIpLiteral(h) && address(h).isLoopbackAddress();
    }

    static boolean excluded(String host, int port, String noProxy) {
        if (noProxy == null) {
            return false;
        }
        String h = unbracket(host).toLowerCase(Locale.ROOT);
        for (String raw : noProxy.split("[,\\s]+")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            if (entry.contains("/") && isIpLiteral(h)) {
                if (inCidr(h, entry)) {
                    return true;
                }
                continue;
            }
            String entryHost = entry;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && !entry.endsWith("]") && entry.indexOf(':') == colon) {
                // host:port matches only that port
                if (!entry.substring(colon + 1).equals(String.valueOf(port))) {
                    continue;
                }
                entryHost = entry.substring(0, colon);
            }
            entryHost = unbracket(entryHost);
            if (entryHost.startsWith("*.")) {
                entryHost = entryHost.substring(1);
            }
            if (h.equals(entryHost) || h.equals(trimDot(entryHost))
                    || (!isIpLiteral(h) && h.endsWith(entryHost.startsWith(".") ? entryHost : "." + entryHost))) {
                return true;
            }
        }
        return false;
    }

    private static String trimDot(String s) {
        return s.startsWith(".") ? s.substring(1) : s;
    }

    private static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/", 2);
        if (!isIpLiteral(parts[0])) {
            return false;
        }
        byte[] a = address(ip).getAddress();
        byte[] net = address(parts[0]).getAddress();
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (a.length != net.length || bits < 0 || bits > a.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (net[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static String unbracket(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** An IPv4 or IPv6 literal (never a name: no lookup is made). */
    private static boolean isIpLiteral(String h) {
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (h.contains(":") && h.matches("[0-9a-fA-F:.]+"));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
