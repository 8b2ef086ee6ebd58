package io.resguardo.testfixtures.jetty;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers with what the container told the webapp about the request, for assertions on the fixture. */
public final class ProbeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("remote=" + request.getRemoteAddr()
                + ";scheme=" + request.getScheme()
                + ";secure=" + request.isSecure()
                + ";forwardedFor=" + request.getHeader("X-Forwarded-For")
                + ";env=" + request.getServletContext().getInitParameter("resguardo.env")
                + ";admin=" + request.isUserInRole("resguardo-admin"));
    }
}
