package org.ganworkbook.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** HTTP(S) and file downloads for the data sources, honouring the usual proxy settings. */
final class Downloads {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private Downloads() {
    }

    /**
     * Copies {@code uri} (https, http or file) to {@code target}, replacing it.
     *
     * @throws IOException with a short reason (HTTP status, host not found, timeout) on failure
     */
    static void download(URI uri, Path target) throws IOException {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Files.copy(Path.of(uri), target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(proxy(uri))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "gan-workbook data fetch").GET().build();
        try {
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
            int status = response.statusCode();
            if (status == 403 || status == 407 || status >= 500) {
                throw new DataSource.Unavailable("HTTP " + status + " from " + uri.getHost(), null);
            }
            if (status != 200) {
                throw new IOException("HTTP " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataSource.Unavailable("interrupted", e);
        } catch (DataSource.Unavailable e) {
            throw e;
        } catch (java.net.ConnectException e) {
            String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            throw new DataSource.Unavailable(unresolved(e) ? "host " + uri.getHost() + " not found (DNS)"
                    : "cannot connect to " + where + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new DataSource.Unavailable("timed out", e);
        } catch (IOException e) {
            String m = e.getMessage();
            throw new DataSource.Unavailable(m == null || m.isBlank() ? e.getClass().getSimpleName() : m, e);
        }
    }

    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Decompresses gzip file {@code gz} into {@code target}. */
    static void gunzip(Path gz, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
             OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new IOException("not a valid gzip file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The JVM's proxy settings ({@code -Dhttps.proxyHost}) win; otherwise {@code https_proxy} /
     * {@code http_proxy} from the environment, as curl and npm read them; otherwise none.
     */
    private static ProxySelector proxy(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (System.getProperty(scheme + ".proxyHost") != null) {
            return ProxySelector.getDefault();
        }
        String env = firstSet(scheme + "_proxy", scheme.toUpperCase(Locale.ROOT) + "_PROXY");
        if (env == null || noProxy(uri.getHost())) {
            return HttpClient.Builder.NO_PROXY;
        }
        URI p = URI.create(env.contains("://") ? env : "http://" + env);
        return ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort() > 0 ? p.getPort() : 80));
    }

    private static boolean noProxy(String host) {
        String list = firstSet("no_proxy", "NO_PROXY");
        if (list == null || host == null) {
            return false;
        }
        for (String entry : list.split(",")) {
            String e = entry.trim();
            if (!e.isEmpty() && (e.equals("*") || host.equals(e) || host.endsWith(e.startsWith(".") ? e : "." + e))) {
                return true;
            }
        }
        return false;
    }

    private static String firstSet(String... names) {
        for (String n : names) {
            String v = System.getenv(n);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
