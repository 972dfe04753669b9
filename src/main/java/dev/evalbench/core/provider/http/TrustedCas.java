package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Extra certificate authorities for a route: the PEM certificates of a file (a corporate TLS-inspecting
 * proxy's CA, a private gateway's) trusted besides the JDK's own, so public hosts keep working through the
 * same client. The route's {@code ca_file}, else the {@value #ENV} variable. Stateless.
 */
final class TrustedCas {
    /** The variable naming a CA file for every route that sets none. */
    static final String ENV = "EVALBENCH_CA_FILE";

    private TrustedCas() {}

    /** The file a route trusts, or null for the JDK's CAs only. */
    static String fileFor(String routeCaFile, java.util.Map<String, String> env) {
        if (routeCaFile != null) return routeCaFile;
        String global = env.get(ENV);
        return global == null || global.isBlank() ? null : global.trim();
    }

    /** {@code client} trusting the file's CAs too; a file that cannot be read or holds no certificate is a CLIENT_ERROR. */
    static OkHttpClient apply(OkHttpClient client, String routeName, String caFile) throws ProviderException {
        if (caFile == null) return client;
        try {
            X509TrustManager trust = trustManager(Path.of(caFile));
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            return client.newBuilder().sslSocketFactory(tls.getSocketFactory(), trust).build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ProviderException(FailureKind.CLIENT_ERROR,
                    "route " + routeName + ": ca_file " + caFile + " could not be used: " + e.getMessage());
        }
    }

    private static X509TrustManager trustManager(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> extra;
        try (InputStream in = Files.newInputStream(file)) {
            extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (extra.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate in it");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (X509Certificate jdk : jdkTrust().getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + i++, jdk);
        }
        for (Certificate c : extra) {
            store.setCertificateEntry("file-" + i++, c);
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        return only(f.getTrustManagers());
    }

    private static X509TrustManager jdkTrust() throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        return only(f.getTrustManagers());
    }

    private static X509TrustManager only(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) return x;
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
