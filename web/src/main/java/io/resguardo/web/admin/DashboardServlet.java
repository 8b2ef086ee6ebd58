package io.resguardo.web.admin;

import io.resguardo.web.http.Endpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's three static files ({@code /admin/}, {@code /admin/admin.css}, {@code /admin/admin.js}), read
 * from the class path once at deployment (a missing one fails the deployment) and served from memory. The page
 * has no inline script or style, so it works under the admin filter's Content-Security-Policy; its script reads
 * {@code /admin/api/*} with relative URLs, so any context path works. {@code /admin} redirects to {@code /admin/}.
 */
final class DashboardServlet extends Endpoint {
    private static final long serialVersionUID = 1L;

    private record Asset(String contentType, byte[] bytes) {
    }

    private final transient Map<String, Asset> assets;

    DashboardServlet() {
        super("GET");
        this.assets = Map.of(
                "/admin/", asset("index.html", "text/html;charset=UTF-8"),
                "/admin/admin.css", asset("admin.css", "text/css;charset=UTF-8"),
                "/admin/admin.js", asset("admin.js", "text/javascript;charset=UTF-8"));
    }

    /** The servlet paths to map this servlet to. */
    static String[] paths() {
        return new String[] {"/admin", "/admin/", "/admin/admin.css", "/admin/admin.js"};
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/admin")) {
            response.setStatus(308);
            response.setHeader("Location", request.getContextPath() + "/admin/");
            return;
        }
        Asset asset = assets.get(request.getServletPath());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(asset.contentType());
        response.setContentLength(asset.bytes().length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(asset.bytes());
        }
    }

    private static Asset asset(String name, String contentType) {
        try (InputStream in = DashboardServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("admin dashboard file missing from the WAR: " + name);
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin dashboard file " + name, e);
        }
    }
}
