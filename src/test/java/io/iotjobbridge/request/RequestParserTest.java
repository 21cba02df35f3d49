package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading documents into requests: formats, envelope rules and what is rejected before validation. */
class RequestParserTest {

    private static final String ENVELOPE_FIELDS = "allowed here: id, vendor, account, operation, params, destination, options";

    private final RequestParser parser = new RequestParser();

    private JobRequest parse(String document) {
        return parser.parse(document.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String extraFields) {
        return """
                {"vendor": "aliyun", "account": "default", "operation": "CreateDownloadDataJob",
                 "params": {"TableName": "product_info"}%s}""".formatted(extraFields);
    }

    @Test
    void shouldParseValidJson() {
        JobRequest request = parse("""
                {"id": "job-1", "vendor": "aliyun", "account": "default", "operation": "CreateDownloadDataJob",
                 "params": {"TableName": "product_info", "StartTime": 1658332800000, "FileConfig": {"fileName": "f"}},
                 "destination": "archive"}""");
        assertThat(request.id()).isEqualTo("job-1");
        assertThat(request.vendor()).isEqualTo(Vendor.ALIYUN);
        assertThat(request.account()).isEqualTo("default");
        assertThat(request.operation()).isEqualTo("CreateDownloadDataJob");
        assertThat(request.destination()).isEqualTo("archive");
        assertThat(request.params().toString())
                .isEqualTo("{\"TableName\":\"product_info\",\"StartTime\":1658332800000,\"FileConfig\":{\"fileName\":\"f\"}}");
    }

    @Test
    void shouldParseYamlIntoTheSameRequestAsTheEquivalentJson() {
        JobRequest fromYaml = parse("""
                id: job-1
                vendor: huawei
                account: default
                operation: CreateExportTask
                params:
                  resource_type: BatchTask
                  resource_condition: {task_id: "5f7d"}
                  count: 3
                  ratio: 0.25
                  flag: true
                  nothing: null
                """);
        JobRequest fromJson = parse("""
                {"id": "job-1", "vendor": "huawei", "account": "default", "operation": "CreateExportTask",
                 "params": {"resource_type": "BatchTask", "resource_condition": {"task_id": "5f7d"},
                            "count": 3, "ratio": 0.25, "flag": true, "nothing": null}}""");
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromYaml.vendor()).isEqualTo(Vendor.HUAWEI);
    }

    @Test
    void shouldDefaultDestinationWhenAbsent() {
        assertThat(parse(json("")).destination()).isEqualTo("default");
    }

    @Test
    void shouldGenerateTheIdFromTheDocumentBytesWhenAbsent() throws Exception {
        byte[] document = json("").getBytes(StandardCharsets.UTF_8);
        String expected = "req-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document))
                .substring(0, 24);

        assertThat(parser.parse(document).id()).isEqualTo(expected).matches("req-[0-9a-f]{24}");
        assertThat(parser.parse(document.clone()).id()).isEqualTo(expected);
        assertThat(new RequestParser().parse(document).id()).isEqualTo(expected);
        assertThat(parse(json("") + "\n").id()).isNotEqualTo(expected);
        assertThat(parse(json(", \"destination\": \"default\"")).id()).isNotEqualTo(expected);
    }

    @Test
    void shouldKeepNumbersExactlyAsWritten() {
        JobRequest request = parse("""
                {"vendor": "aliyun", "account": "a", "operation": "x",
                 "params": {"big": 9007199254740993, "huge": 123456789012345678901234567890, "dec": 1.50}}""");
        assertThat(request.params().get("big").bigIntegerValue()).isEqualTo(new BigInteger("9007199254740993"));
        assertThat(request.params().get("huge").bigIntegerValue())
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(request.params().get("dec").decimalValue()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void shouldNotLetCallersChangeAParsedRequest() {
        JobRequest request = parse(json(""));
        request.params().put("TableName", "changed");
        assertThat(request.params().get("TableName").textValue()).isEqualTo("product_info");
    }

    @Test
    void shouldAcceptAUtf8ByteOrderMark() {
        byte[] body = json("").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(parser.parse(withBom).account()).isEqualTo("default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t\r\n", "# only a comment\n", "---\n"})
    void shouldRejectEmptyDocument(String document) {
        assertThat(violationsOf(() -> parse(document))).containsExactly("request: the document is empty");
    }

    @Test
    void shouldRejectNullBytesArrayAsEmpty() {
        assertThat(violationsOf(() -> parser.parse(null))).containsExactly("request: the document is empty");
    }

    @Test
    void shouldRejectBinaryGarbage() {
        byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte) 0xFF};
        assertThat(violationsOf(() -> parser.parse(garbage))).containsExactly("request: not a text document");
    }

    @Test
    void shouldRejectInvalidUtf8() {
        byte[] latin1 = "vendor: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(violationsOf(() -> parser.parse(latin1))).containsExactly("request: not a text document");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vendor: aliyun\u0000", "vendor: ali\u0007yun", "{\"vendor\": \"a\u001b\"}", "a: \u0085"})
    void shouldRejectControlCharactersInTheDocument(String document) {
        assertThat(violationsOf(() -> parse(document))).containsExactly("request: not a text document");
    }

    @Test
    void shouldRejectADocumentLargerThanTheLimitInCharacters() {
        RequestParser small = new RequestParser(100);
        String padded = "vendor: aliyun #" + "x".repeat(85);
        assertThat(padded.length()).isEqualTo(101);
        assertThat(violationsOf(() -> small.parse(padded.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("request: the document is larger than 100 characters");
    }

    @Test
    void shouldCountTheSizeLimitInCharactersNotBytes() {
        RequestParser small = new RequestParser(100);
        // 100 characters but 280 bytes: within the limit, so the parser gets as far as the envelope rules.
        String wide = "vendor: aliyun #" + "中".repeat(84);
        assertThat(violationsOf(() -> small.parse(wide.getBytes(StandardCharsets.UTF_8))))
                .contains("account: is required");
    }

    @Test
    void shouldReportJsonSyntaxErrorWithLineAndColumn() {
        assertThat(violationsOf(() -> parse("{\n  \"vendor\": \"aliyun\",\n  \"account\" \"default\"\n}")))
                .containsExactly("request: JSON syntax error at line 3, column 13: Unexpected character ('\"' (code 34)):"
                        + " was expecting a colon to separate field name and value");
    }

    @Test
    void shouldNotEchoALongUnquotedTokenFromAJsonSyntaxError() {
        RequestRejectedException e = rejection("{\"vendor\": LTAI5tSecretLookingValue}");
        assertThat(e.getMessage())
                .isEqualTo("request: JSON syntax error at line 1, column 12: Unrecognized token '…': was expecting"
                        + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")
                .doesNotContain("LTAI5t");
    }

    @Test
    void shouldRejectContentAfterTheJsonObject() {
        assertThat(violationsOf(() -> parse(json("") + " {}")))
                .containsExactly("request: JSON syntax error at line 2, column 43: unexpected content after the closing '}'");
    }

    @Test
    void shouldReportYamlSyntaxErrorWithLineAndColumn() {
        assertThat(violationsOf(() -> parse("vendor: aliyun\naccount: a: b\n")))
                .containsExactly("request: YAML syntax error at line 2, column 11: mapping values are not allowed here");
    }

    @Test
    void shouldRejectMoreThanOneYamlDocument() {
        assertThat(violationsOf(() -> parse("vendor: aliyun\n---\nvendor: huawei\n"))).containsExactly(
                "request: YAML syntax error at line 2, column 1: expected a single document in the stream,"
                        + " but found another document");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- vendor: aliyun | a list",
            "just words       | a string",
            "42               | an integer",
            "~                | null",
    })
    void shouldRejectATopLevelThatIsNotAMapping(String document, String kind) {
        assertThat(violationsOf(() -> parse(document)))
                .containsExactly("request: must be a mapping of field names to values; was " + kind);
    }

    @Test
    void shouldRejectMissingRequiredTopLevelFields() {
        assertThat(violationsOf(() -> parse("{}"))).containsExactly(
                "vendor: is required",
                "account: is required",
                "operation: is required",
                "params: is required");
    }

    @Test
    void shouldRejectUnknownTopLevelFields() {
        assertThat(violationsOf(() -> parse(json(", \"colour\": \"red\", \"Destination\": \"x\"")))).containsExactly(
                "colour: unknown field; " + ENVELOPE_FIELDS,
                "Destination: unknown field (did you mean 'destination'?); " + ENVELOPE_FIELDS);
    }

    @Test
    void shouldRejectWrongTypesOfEveryTopLevelField() {
        assertThat(violationsOf(() -> parse("""
                {"id": 12, "vendor": 5, "account": ["a"], "operation": true, "params": "x", "destination": {}}""")))
                .containsExactly(
                        "id: must be a string; was an integer",
                        "vendor: must be a string; was an integer",
                        "account: must be a string; was a list",
                        "operation: must be a string; was a boolean",
                        "params: must be an object; was a string",
                        "destination: must be a string; was an object");
    }

    @Test
    void shouldRejectExplicitNulls() {
        assertThat(violationsOf(() -> parse(json(", \"destination\": null, \"id\": null")))).containsExactly(
                "id: must not be null",
                "destination: must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"azure", "Aliyun", "ALIYUN", ""})
    void shouldRejectUnknownVendor(String vendor) {
        assertThat(violationsOf(() -> parse(json("").replace("\"aliyun\"", "\"" + vendor + "\""))))
                .containsExactly("vendor: must be one of aliyun, huawei; was '" + vendor + "'");
    }

    @Test
    void shouldRejectBlankOperation() {
        assertThat(violationsOf(() -> parse(json("").replace("\"CreateDownloadDataJob\"", "\" \""))))
                .containsExactly("operation: must not be blank");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''      | id: must be 1 to 128 characters long; was 0",
            "-job    | id: must use only letters A-Z a-z, digits, '.', '_' and '-', and start with a letter or digit",
            "a/b     | id: must use only letters A-Z a-z, digits, '.', '_' and '-', and start with a letter or digit",
            "job 1   | id: must use only letters A-Z a-z, digits, '.', '_' and '-', and start with a letter or digit",
    })
    void shouldRejectMalformedId(String id, String violation) {
        assertThat(violationsOf(() -> parse(json(", \"id\": \"" + id + "\"")))).containsExactly(violation);
    }

    @Test
    void shouldAcceptIdsUpTo128Characters() {
        assertThat(parse(json(", \"id\": \"" + "a".repeat(128) + "\"")).id()).hasSize(128);
        assertThat(parse(json(", \"id\": \"0.product_info-2022\"")).id()).isEqualTo("0.product_info-2022");
        assertThat(violationsOf(() -> parse(json(", \"id\": \"" + "a".repeat(129) + "\""))))
                .containsExactly("id: must be 1 to 128 characters long; was 129");
    }

    @Test
    void shouldRejectAccountAndDestinationNamesThatCannotBeConfigurationKeys() {
        String rule = "must use only letters A-Z a-z, digits, '_' and '-', and start with a letter or digit";
        assertThat(violationsOf(() -> parse(json(", \"destination\": \"my.dest\"").replace("\"default\"", "\"a b\""))))
                .containsExactly("account: " + rule, "destination: " + rule);
        assertThat(violationsOf(() -> parse(json("").replace("\"default\"", "\"" + "a".repeat(65) + "\""))))
                .containsExactly("account: must be 1 to 64 characters long; was 65");
    }

    @Test
    void shouldReportEveryEnvelopeProblemTogether() {
        assertThat(violationsOf(() -> parse("""
                vendor: azure
                operation: 7
                params: []
                extra: 1
                """))).containsExactly(
                "vendor: must be one of aliyun, huawei; was 'azure'",
                "account: is required",
                "operation: must be a string; was an integer",
                "params: must be an object; was a list",
                "extra: unknown field; " + ENVELOPE_FIELDS);
    }

    @Test
    void shouldRejectDuplicateTopLevelKeyInJson() {
        assertThat(violationsOf(() -> parse(json(", \"account\": \"other\""))))
                .containsExactly("account: is given more than once");
    }

    @Test
    void shouldRejectDuplicateNestedKeyInJsonWithItsPath() {
        assertThat(violationsOf(() -> parse("""
                {"params": {"FileConfig": {"fileName": "a", "fileName": "b"}}}""")))
                .containsExactly("params.FileConfig.fileName: is given more than once");
        assertThat(violationsOf(() -> parse("{\"params\": {\"list\": [{}, {\"k\": 1, \"k\": 2}]}}")))
                .containsExactly("params.list[1].k: is given more than once");
    }

    @Test
    void shouldRejectDuplicateKeysInYaml() {
        assertThat(violationsOf(() -> parse("vendor: aliyun\nvendor: huawei\n")))
                .containsExactly("vendor: is given more than once");
        assertThat(violationsOf(() -> parse("params:\n  FileConfig:\n    fileName: a\n    fileName: b\n")))
                .containsExactly("params.FileConfig.fileName: is given more than once");
    }

    @Test
    void shouldRejectJsonNestedDeeperThan32Levels() {
        String deep = "{\"params\": " + "{\"a\": ".repeat(99) + "{}" + "}".repeat(99) + "}";
        assertThat(violationsOf(() -> parse(deep))).containsExactly("request: the document nests deeper than 32 levels");
        String lists = "{\"params\": {\"a\": " + "[".repeat(100) + "]".repeat(100) + "}}";
        assertThat(violationsOf(() -> parse(lists))).containsExactly("request: the document nests deeper than 32 levels");
    }

    @Test
    void shouldAcceptNestingUpTo32Levels() {
        // The document itself is level 1 and params level 2, so 30 more objects make 32.
        String deepest = "{\"vendor\": \"aliyun\", \"account\": \"a\", \"operation\": \"x\", \"params\": "
                + "{\"a\": ".repeat(30) + "{}" + "}".repeat(30) + "}";
        assertThat(parse(deepest).params()).isNotNull();
        String tooDeep = deepest.replace("{}", "{\"a\": {}}");
        assertThat(violationsOf(() -> parse(tooDeep))).containsExactly("request: the document nests deeper than 32 levels");
    }

    private RequestRejectedException rejection(String document) {
        try {
            parse(document);
        } catch (RequestRejectedException e) {
            return e;
        }
        throw new AssertionError("expected a rejection");
    }
}
