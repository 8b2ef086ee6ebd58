package io.resguardo.web;

import jakarta.json.JsonObject;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An operator using a deployment's admin API over HTTPS with BASIC credentials of the container's login service. */
final class Operator {
    static final String ROLE = "resguardo-admin";

    final String user;
    final String password;

    Operator(String user) {
        this.user = user;
        this.password = TestClients.randomText();
    }

    /** Adds this operator to the deployment's login service with the admin role. */
    Deployment on(Deployment deployment) {
        return deployment.user(user, password, ROLE);
    }

    HttpRequest.Builder request(Deployment app, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(app.jetty.httpsUri().resolve(path))
                .header("Authorization", "Basic " + credentials);
    }

    HttpResponse<String> send(Deployment app, HttpRequest.Builder request) throws Exception {
        return app.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST /admin/api/orders/{code}/reconcile} with the header every admin change needs. */
    HttpResponse<String> reconcile(Deployment app, String transactionCode) throws Exception {
        return send(app, request(app, "admin/api/orders/" + transactionCode + "/reconcile")
                .header("X-Requested-With", "resguardo-admin").POST(HttpRequest.BodyPublishers.noBody()));
    }

    JsonObject json(Deployment app, String path) throws Exception {
        HttpResponse<String> response = send(app, request(app, path));
        assertEquals(200, response.statusCode(), response.body());
        return Problem.json(response.body());
    }

    /** The audit log's entries, as exported. */
    List<JsonObject> audit(Deployment app) throws Exception {
        HttpResponse<String> export = send(app, request(app, "admin/api/audit/export"));
        assertEquals(200, export.statusCode(), export.body());
        return export.body().lines().map(Problem::json).toList();
    }
}
