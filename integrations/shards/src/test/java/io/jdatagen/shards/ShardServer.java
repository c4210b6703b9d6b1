package io.jdatagen.shards;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on the loopback address serving the files of a folder, with {@code Range: bytes=N-}
 * requests answered 206, and able to drop the connection in the middle of one chosen response: it sends
 * the full length in its headers, half the bytes, then closes the connection.
 */
final class ShardServer implements AutoCloseable {
    private final HttpServer server;
    private final Path folder;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    private volatile String dropName;
    private volatile int dropOnRequest;

    ShardServer(Path folder) throws IOException {
        this.folder = folder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Drops the connection halfway through the {@code n}-th request (from 1) for file {@code name}. */
    void dropOnce(String name, int n) {
        dropName = name;
        dropOnRequest = n;
    }

    /** {@return the requests answered so far for each file name (404s included), a copy} */
    Map<String, Integer> requests() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        requests.forEach((name, n) -> out.put(name, n.get()));
        return out;
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        int n = requests.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        Path file = folder.resolve(name);
        if (name.contains("/") || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        String range = exchange.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null) {
            ranges.add(name + " " + range);
            from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/"
                    + bytes.length);
            exchange.sendResponseHeaders(206, bytes.length - from);
        } else {
            exchange.sendResponseHeaders(200, bytes.length);
        }
        OutputStream out = exchange.getResponseBody();
        if (name.equals(dropName) && n == dropOnRequest) {
            out.write(bytes, from, (bytes.length - from) / 2);
            out.flush();
            // Closing the connection under the response, as a failing proxy or server would.
            throw new IOException("connection dropped on purpose");
        }
        out.write(bytes, from, bytes.length - from);
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
