package dev.evalbench.core.provider.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The proxy settings of the environment, as curl and most tools read them: {@code HTTPS_PROXY} for https URLs,
 * {@code HTTP_PROXY} for http ones (lower-case spellings too, upper-case first), and {@code NO_PROXY}: a
 * comma-separated list of hosts, domain suffixes ({@code .corp.example} or {@code corp.example}, both matching
 * sub-domains) or {@code *} for none at all. A proxy URL with {@code user:password@} answers the proxy's 407
 * with Basic credentials. Immutable and thread-safe.
 */
public final class EnvProxy {
    private final HttpUrl https;
    private final HttpUrl http;
    private final List<String> noProxy;

    private EnvProxy(HttpUrl https, HttpUrl http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /** Reads the variables; a value that is not a URL is ignored, as no proxy (and {@link #describe} says so). */
    public static EnvProxy from(Map<String, String> env) {
        List<String> hosts = new ArrayList<>();
        String no = first(env, "NO_PROXY", "no_proxy");
        if (no != null) {
            for (String h : no.split(",")) {
                String t = h.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) hosts.add(t.startsWith(".") ? t.substring(1) : t);
            }
        }
        return new EnvProxy(url(first(env, "HTTPS_PROXY", "https_proxy")), url(first(env, "HTTP_PROXY", "http_proxy")),
                List.copyOf(hosts));
    }

    /** One line for {@code validate}: which proxy each scheme uses and what bypasses it. */
    public String describe() {
        if (https == null && http == null) {
            return "no proxy (HTTPS_PROXY and HTTP_PROXY are not set)";
        }
        return "HTTPS_PROXY " + shown(https) + ", HTTP_PROXY " + shown(http)
                + (noProxy.isEmpty() ? "" : ", NO_PROXY " + String.join(",", noProxy));
    }

    /** The client with these settings: a proxy selector and, when the proxy URL has credentials, Basic auth. */
    OkHttpClient apply(OkHttpClient client) {
        if (https == null && http == null) {
            return client;
        }
        OkHttpClient.Builder b = client.newBuilder().proxySelector(new Selector());
        HttpUrl withUser = https != null && !https.username().isEmpty() ? https
                : http != null && !http.username().isEmpty() ? http : null;
        if (withUser != null) {
            String credentials = Credentials.basic(withUser.username(), withUser.password());
            b.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null ? null
                    : response.request().newBuilder().header("Proxy-Authorization", credentials).build());
        }
        return b.build();
    }

    /** The proxy a URL goes through, or null for a direct connection. */
    HttpUrl proxyFor(String scheme, String host) {
        HttpUrl proxy = "https".equals(scheme) ? https : http;
        if (proxy == null) return null;
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            if (entry.equals("*") || h.equals(entry) || h.endsWith("." + entry)) return null;
        }
        return proxy;
    }

    private final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            HttpUrl proxy = proxyFor(uri.getScheme(), uri.getHost());
            if (proxy == null) return List.of(Proxy.NO_PROXY);
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // The call fails as CONNECTION and the router decides about retries: nothing to remember here.
        }
    }

    private static String first(Map<String, String> env, String upper, String lower) {
        String v = env.get(upper);
        if (v == null || v.isBlank()) v = env.get(lower);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static HttpUrl url(String value) {
        if (value == null) return null;
        return HttpUrl.parse(value.contains("://") ? value : "http://" + value);
    }

    private static String shown(HttpUrl proxy) {
        // Never show a proxy password: host and port only.
        return proxy == null ? "unset" : proxy.scheme() + "://" + proxy.host() + ":" + proxy.port();
    }
}
