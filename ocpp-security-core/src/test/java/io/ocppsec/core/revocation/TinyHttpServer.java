package io.ocppsec.core.revocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP/1.1 server on loopback for hostile-responder tests (com.sun.net.httpserver is not
 * readable from the patched test module). One request per connection; the handler writes the raw response.
 */
final class TinyHttpServer implements AutoCloseable {

    /** Writes a raw HTTP response. */
    interface Handler {
        void handle(Request request, OutputStream out) throws Exception;
    }

    /** What the client sent. */
    record Request(String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tiny-http");
        t.setDaemon(true);
        return t;
    });

    TinyHttpServer(Handler handler) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    pool.execute(() -> serve(s, handler));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void serve(Socket s, Handler handler) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int state = 0;
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                        ? state + 1 : 0;
            }
            String h = head.toString(StandardCharsets.ISO_8859_1);
            Request r = new Request(h, new byte[0]);
            String length = r.header("Content-Length");
            byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
            handler.handle(new Request(h, body), out);
            out.flush();
        } catch (Exception e) {
            // the client went away
        }
    }

    /**
     * @param status HTTP status
     * @param body the body
     * @param declareLength whether to send Content-Length (else the body ends with the connection)
     * @return the raw response bytes
     */
    static byte[] response(int status, byte[] body, boolean declareLength) {
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/ocsp-response\r\nConnection: close\r\n"
                + (declareLength ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/ocsp");
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }
}
