package io.resguardo.core.allowlist;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.internal.Ows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Establishes the client address, scheme and host of a request from the connection peer and, only when that peer
 * is a trusted proxy, from the forwarding headers it passes on.
 *
 * <p>Rules (an attacker controls every header value, and may connect directly):
 * <ol>
 *   <li><b>Untrusted peer:</b> every forwarding header is ignored. The client is the peer; the scheme is the
 *       connection's own.</li>
 *   <li><b>Trusted peer, client address:</b> hops are walked from the right (the entry appended by the nearest
 *       proxy) leftwards, skipping trusted proxies; the first untrusted hop is the client. If every hop is trusted,
 *       the leftmost is the client. At most {@value #MAX_HOPS} hops are walked.</li>
 *   <li><b>Which header:</b> {@code Forwarded} ({@code for=}) and {@code X-Forwarded-For} are each walked when
 *       present. When both are present, neither wins: they must name the same client, or the request is rejected.
 *       A proxy normally maintains only one of the two and passes the other through untouched, so the untouched one
 *       is whatever the client wrote; preferring either header would let a client spoof its address behind a proxy
 *       that maintains the other.</li>
 *   <li><b>Unidentifiable hops:</b> when the walk reaches an entry that names no address ({@code unknown}, an
 *       obfuscated identifier, garbage, a {@code Forwarded} element without {@code for=}), when the hop limit is
 *       exceeded, or when the headers are longer than {@value #MAX_HEADER_CHARS} characters, the request is
 *       rejected rather than attributed to the trusted proxy in front of that entry (which may well be on an
 *       allowlist). Entries left of the client are never read, so garbage an attacker prepends is harmless.</li>
 *   <li><b>Scheme:</b> believed only from a trusted peer. The values considered are every
 *       {@code X-Forwarded-Proto} value and the {@code proto=} of the {@code Forwarded} element that names the
 *       client (the element written by the proxy the client connected to). The request is secure only if every
 *       such value is {@code https}. A repeated {@code X-Forwarded-Proto} header, values that disagree, or an
 *       unknown value mean not secure. With no value at all, the connection's own security applies.</li>
 *   <li><b>Host:</b> believed only from a trusted peer: the {@code host=} of the client's {@code Forwarded}
 *       element and every {@code X-Forwarded-Host} value must agree and be a valid authority, else no host is
 *       reported.</li>
 * </ol>
 *
 * <p>{@link #resolve} throws only {@link ResguardoException} with {@link ErrorCode#IP_NOT_ALLOWED}, never an
 * unchecked exception, whatever the header values. Immutable and thread-safe.
 */
public final class ClientAddressResolver {
    /** The most hops walked behind the peer. */
    public static final int MAX_HOPS = 32;
    /** The most characters, all occurrences together, read from one forwarding header. */
    public static final int MAX_HEADER_CHARS = 8192;
    private static final int MAX_AUTHORITY_LENGTH = 261;
    private static final int MAX_PROTO_CHARS = 256;

    private final Allowlist trustedProxies;

    /**
     * @param trustedProxies the proxies whose forwarding headers are believed ({@code RESGUARDO_TRUSTED_PROXIES});
     *     empty means forwarding headers are always ignored
     */
    public ClientAddressResolver(Allowlist trustedProxies) {
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** A resolver that trusts no proxy: the client is always the connection peer. */
    public static ClientAddressResolver direct() {
        return new ClientAddressResolver(Allowlist.empty());
    }

    public Allowlist trustedProxies() {
        return trustedProxies;
    }

    /**
     * As {@link #resolve(String, boolean, List, List, List, List)} without {@code X-Forwarded-Host}.
     *
     * @throws ResguardoException with {@link ErrorCode#IP_NOT_ALLOWED} when no client address can be established
     */
    public ResolvedClient resolve(String peerAddress, boolean connectionSecure, List<String> xForwardedFor,
                                  List<String> forwarded, List<String> xForwardedProto) throws ResguardoException {
        return resolve(peerAddress, connectionSecure, xForwardedFor, forwarded, xForwardedProto, List.of());
    }

    /**
     * Resolves the client of one request. Each list holds every occurrence of that header (each may be a comma
     * list); {@code null} lists and {@code null} entries are allowed and mean absent.
     *
     * @param peerAddress the connection peer as the container reports it ({@code getRemoteAddr()}): a literal,
     *     possibly bracketed, possibly with a zone id, which is ignored
     * @param connectionSecure whether the connection to this server is TLS ({@code isSecure()})
     * @throws ResguardoException with {@link ErrorCode#IP_NOT_ALLOWED} when no client address can be established:
     *     the peer is not an address literal, or a trusted peer forwarded headers that lead to no address, exceed
     *     the limits, or contradict each other (see the class rules)
     */
    public ResolvedClient resolve(String peerAddress, boolean connectionSecure, List<String> xForwardedFor,
                                  List<String> forwarded, List<String> xForwardedProto,
                                  List<String> xForwardedHost) throws ResguardoException {
        IpAddress peer = Literals.parsePeer(peerAddress);
        if (peer == null) {
            throw rejected("the connection peer " + Literals.quote(peerAddress) + " is not an IP address");
        }
        if (!trustedProxies.contains(peer)) {
            return new ResolvedClient(peer, connectionSecure, false, Optional.empty());
        }
        List<String> forwardedValues = present(forwarded, "Forwarded");
        List<String> xffValues = present(xForwardedFor, "X-Forwarded-For");

        IpAddress client = peer;
        ForwardedHeader.Element clientElement = null;
        List<ForwardedHeader.Element> elements = ForwardedHeader.parse(forwardedValues);
        if (!elements.isEmpty()) {
            List<IpAddress> hops = new ArrayList<>(elements.size());
            for (ForwardedHeader.Element element : elements) {
                hops.add(element.malformed() ? null : element.forAddress());
            }
            int index = walk(hops, "Forwarded");
            clientElement = elements.get(index);
            client = hops.get(index);
        }
        List<IpAddress> xffHops = xForwardedForHops(xffValues);
        if (!xffHops.isEmpty()) {
            IpAddress viaXff = xffHops.get(walk(xffHops, "X-Forwarded-For"));
            if (clientElement != null && !viaXff.equals(client)) {
                throw rejected("Forwarded and X-Forwarded-For name different clients");
            }
            client = viaXff;
        }
        boolean secure = secure(connectionSecure, clientElement, xForwardedProto);
        Optional<String> host = host(clientElement, xForwardedHost);
        return new ResolvedClient(client, secure, true, host);
    }

    /** The index of the client hop: the first untrusted one from the right, else the leftmost. */
    private int walk(List<IpAddress> hops, String header) throws ResguardoException {
        int limit = Math.max(0, hops.size() - MAX_HOPS);
        for (int i = hops.size() - 1; i >= limit; i--) {
            IpAddress hop = hops.get(i);
            if (hop == null) {
                throw rejected(header + " names no usable address at the client's hop");
            }
            if (!trustedProxies.contains(hop)) {
                return i;
            }
        }
        if (limit > 0) {
            throw rejected(header + " has more than " + MAX_HOPS + " trusted hops");
        }
        return 0;
    }

    private static List<IpAddress> xForwardedForHops(List<String> occurrences) {
        List<IpAddress> hops = new ArrayList<>();
        for (String occurrence : occurrences) {
            if (occurrence == null) {
                continue;
            }
            int start = 0;
            while (start <= occurrence.length()) {
                int comma = occurrence.indexOf(',', start);
                int end = comma < 0 ? occurrence.length() : comma;
                int from = Ows.skipLeading(occurrence, start, end);
                int to = Ows.trimTrailing(occurrence, from, end);
                if (from < to) {
                    hops.add(Literals.parseForwardedForEntry(occurrence, from, to));
                }
                start = end + 1;
            }
        }
        return hops;
    }

    private static boolean secure(boolean connectionSecure, ForwardedHeader.Element clientElement,
                                  List<String> xForwardedProto) {
        List<String> values = new ArrayList<>();
        List<String> occurrences = nonBlank(xForwardedProto);
        if (occurrences.size() > 1) {
            return false;
        }
        for (String occurrence : occurrences) {
            if (occurrence.length() > MAX_PROTO_CHARS) {
                return false;
            }
            values.addAll(listValues(occurrence));
        }
        if (clientElement != null && clientElement.proto() != null) {
            values.add(clientElement.proto());
        }
        if (values.isEmpty()) {
            return connectionSecure;
        }
        for (String value : values) {
            if (!value.equalsIgnoreCase("https")) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> host(ForwardedHeader.Element clientElement, List<String> xForwardedHost) {
        List<String> values = new ArrayList<>();
        int length = 0;
        for (String occurrence : nonBlank(xForwardedHost)) {
            length += occurrence.length();
            if (length > MAX_HEADER_CHARS) {
                return Optional.empty();
            }
            values.addAll(listValues(occurrence));
        }
        if (clientElement != null && clientElement.host() != null) {
            values.add(clientElement.host().toLowerCase(Locale.ROOT));
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String host = values.get(0);
        for (String value : values) {
            if (!value.equalsIgnoreCase(host) || !Literals.isAuthority(value, MAX_AUTHORITY_LENGTH)) {
                return Optional.empty();
            }
        }
        return Optional.of(host);
    }

    private static List<String> present(List<String> occurrences, String header) throws ResguardoException {
        List<String> values = nonBlank(occurrences);
        int length = 0;
        for (String value : values) {
            length += value.length();
            if (length > MAX_HEADER_CHARS) {
                throw rejected(header + " is longer than " + MAX_HEADER_CHARS + " characters");
            }
        }
        return values;
    }

    private static List<String> nonBlank(List<String> occurrences) {
        if (occurrences == null || occurrences.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(occurrences.size());
        for (String occurrence : occurrences) {
            if (occurrence != null && !occurrence.isBlank()) {
                values.add(occurrence);
            }
        }
        return values;
    }

    private static List<String> listValues(String occurrence) {
        List<String> values = new ArrayList<>();
        for (String part : occurrence.split(",", -1)) {
            String value = part.strip().toLowerCase(Locale.ROOT);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    private static ResguardoException rejected(String reason) {
        return new ResguardoException(ErrorCode.IP_NOT_ALLOWED, "client address cannot be established: " + reason);
    }
}
