package io.resguardo.web.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.validation.FieldError;
import io.resguardo.core.validation.FieldErrorCode;
import io.resguardo.web.pagoefectivo.FakePagoEfectivo.Route;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(Pki.Extension.class)
class RejectionTest {
    private Harness harness;

    @BeforeEach
    void setUp(Pki pki) {
        harness = new Harness(pki);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private PagoEfectivoException rejectedCreation(String body) {
        harness.fake.script(Route.CREATE, FakePagoEfectivo.json(400, body));
        return assertThrows(PagoEfectivoException.class,
                () -> harness.client().createCip(harness.request("ORD-REJ-1")));
    }

    @Test
    void code113OnUserEmailIsRejectedOnCustomerEmail() {
        PagoEfectivoException e = rejectedCreation("{\"code\":\"113\",\"message\":\"Valor invalido\",\"data\":["
                + "{\"code\":\"113\",\"message\":\"El correo " + Harness.EMAIL + " no es valido\","
                + "\"field\":\"userEmail\"}]}");

        assertEquals(PagoEfectivoException.Kind.REJECTED, e.kind());
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(List.of("customer.email"), e.fieldErrors().stream().map(FieldError::field).toList());
        assertEquals(FieldErrorCode.INVALID_FORMAT, e.fieldErrors().get(0).code());
        assertFalse(e.fieldErrors().get(0).message().contains(Harness.EMAIL));
        assertFalse(e.getMessage().contains(Harness.EMAIL));
        assertEquals(1, harness.fake.count(Route.CREATE));
        assertEquals(List.of(), harness.sleeper.delays());
    }

    @ParameterizedTest
    @CsvSource({
            "amount, amount", "currency, currency", "transactionCode, transactionCode",
            "paymentConcept, paymentConcept", "dateExpiry, expiresAt", "userEmail, customer.email",
            "userName, customer.firstName", "userLastName, customer.lastName",
            "userDocumentType, customer.documentType", "userDocumentNumber, customer.documentNumber",
            "userPhone, customer.phone", "userCodeCountry, customer.countryCode", "userUbigeo, order",
            "adminEmail, order", "somethingNew, order"})
    void everyPagoEfectivoFieldIsNamedAsOurs(String peField, String ours) {
        PagoEfectivoException e = rejectedCreation("{\"code\":113,\"message\":\"x\",\"data\":[{\"code\":113,"
                + "\"message\":\"x\",\"field\":\"" + peField + "\"}]}");

        assertEquals(List.of(ours), e.fieldErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void missingFieldIsRequired() {
        PagoEfectivoException e = rejectedCreation("{\"code\":112,\"message\":\"Falta\",\"data\":["
                + "{\"code\":112,\"message\":\"Falta\",\"field\":\"userPhone\"},"
                + "{\"code\":113,\"message\":\"Malo\",\"field\":\"userPhone\"},"
                + "{\"code\":\"113\",\"message\":\"Malo\",\"field\":\"paymentConcept\"}]}");

        assertEquals(List.of(new FieldError("customer.phone", FieldErrorCode.REQUIRED,
                        "PagoEfectivo requires this field"),
                new FieldError("paymentConcept", FieldErrorCode.INVALID_FORMAT, "PagoEfectivo rejected this value")),
                e.fieldErrors());
    }

    @Test
    void code511IsTheAmountOverTheMerchantsMaximum() {
        PagoEfectivoException e = rejectedCreation("{\"code\":\"511\",\"message\":\"Monto excedido\"}");

        assertEquals(PagoEfectivoException.Kind.REJECTED, e.kind());
        assertEquals(List.of("amount"), e.fieldErrors().stream().map(FieldError::field).toList());
        assertEquals(FieldErrorCode.OUT_OF_RANGE, e.fieldErrors().get(0).code());
    }

    @Test
    void code111WithoutFieldsNamesTheOrder() {
        PagoEfectivoException e = rejectedCreation("{\"code\":\"111\",\"message\":\"Solicitud invalida\"}");

        assertEquals(List.of("order"), e.fieldErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void code508IsACredentialsProblemAndDropsTheToken() throws Exception {
        harness.fake.script(Route.CREATE, FakePagoEfectivo.json(400, "{\"code\":\"508\",\"message\":\"x\"}"));
        PagoEfectivoClient client = harness.client();

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> client.createCip(harness.request("ORD-508")));

        assertEquals(PagoEfectivoException.Kind.CREDENTIALS, e.kind());
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        assertEquals(List.of(), e.fieldErrors());
        assertEquals(1, harness.fake.count(Route.CREATE));
        client.search(List.of("2526391"));
        assertEquals(2, harness.fake.count(Route.AUTH));
    }

    @Test
    void aReusedTransactionCodeIsRejectedOnTransactionCode() throws Exception {
        PagoEfectivoClient client = harness.client();
        client.createCip(harness.request("ORD-TWICE"));

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> client.createCip(harness.request("ORD-TWICE")));

        assertEquals(PagoEfectivoException.Kind.REJECTED, e.kind());
        assertEquals(List.of("transactionCode"), e.fieldErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void a403IsACredentialsProblem() {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.json(403, "{\"message\":\"Forbidden\"}"));

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> harness.client().search(List.of("2526391")));

        assertEquals(PagoEfectivoException.Kind.CREDENTIALS, e.kind());
        assertEquals(1, harness.fake.count(Route.SEARCH));
    }
}
