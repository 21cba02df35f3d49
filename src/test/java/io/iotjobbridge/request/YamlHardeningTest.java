package io.iotjobbridge.request;

import static io.iotjobbridge.request.Rejections.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML documents are untrusted input: bounded aliases, depth and size, no custom types, no silent retyping. */
class YamlHardeningTest {

    private static final String ENVELOPE = "vendor: aliyun\naccount: a\noperation: x\n";

    private final RequestParser parser = new RequestParser();

    private JobRequest parse(String document) {
        return parser.parse(document.getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode params(String paramsYaml) {
        return parse(ENVELOPE + "params:\n" + paramsYaml.indent(2)).params();
    }

    @Test
    @Timeout(5)
    void shouldRejectTheBillionLaughsAliasBomb() {
        StringBuilder bomb = new StringBuilder(ENVELOPE).append("params:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            bomb.append("  ").append(level).append(": &").append(level).append(" [")
                    .append(("*" + previous + ",").repeat(8)).append('*').append(previous).append("]\n");
        }
        assertThat(violationsOf(() -> parse(bomb.toString())))
                .containsExactly("request: the YAML document uses more than 20 aliases");
    }

    @Test
    void shouldAllowTwentyCollectionAliasesButNotTwentyOne() {
        String twenty = ENVELOPE + "params:\n  a: &a [1]\n  l: [" + "*a, ".repeat(19) + "*a]\n";
        assertThat(parse(twenty).params().get("l")).hasSize(20);
        String twentyOne = twenty.replace("[*a,", "[*a, *a,");
        assertThat(violationsOf(() -> parse(twentyOne)))
                .containsExactly("request: the YAML document uses more than 20 aliases");
    }

    @Test
    @Timeout(5)
    void shouldRejectScalarAliasesThatExpandBeyondTheSizeLimit() {
        RequestParser small = new RequestParser(2000);
        String blob = "x".repeat(1000);
        String document = ENVELOPE + "params:\n  s: &s " + blob + "\n  l: [" + "*s, ".repeat(100) + "*s]\n";
        assertThat(violationsOf(() -> small.parse(document.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("request: YAML aliases expand the document beyond its size limit");
    }

    @Test
    void shouldExpandAFewAliasesLikeTheirAnchors() {
        JobRequest request = parse("""
                vendor: aliyun
                account: &name default
                destination: *name
                operation: x
                params:
                  Context: &ctx {k: v}
                  Copy: *ctx
                """);
        assertThat(request.destination()).isEqualTo("default");
        assertThat(request.params().get("Copy")).isEqualTo(request.params().get("Context"));
    }

    @Test
    @Timeout(5)
    void shouldRejectARecursiveAlias() {
        assertThat(violationsOf(() -> parse(ENVELOPE + "params:\n  loop: &l [*l]\n")))
                .containsExactly("request: the document nests deeper than 32 levels");
    }

    @Test
    void shouldRejectYamlNested100Deep() {
        String flow = ENVELOPE + "params: {a: " + "[".repeat(100) + "]".repeat(100) + "}\n";
        assertThat(violationsOf(() -> parse(flow))).containsExactly("request: the document nests deeper than 32 levels");
        StringBuilder block = new StringBuilder(ENVELOPE).append("params:\n");
        for (int level = 1; level <= 100; level++) {
            block.append("  ".repeat(level)).append("k:\n");
        }
        assertThat(violationsOf(() -> parse(block.toString())))
                .containsExactly("request: the document nests deeper than 32 levels");
    }

    @Test
    void shouldAcceptYamlNestingUpTo32Levels() {
        String deepest = ENVELOPE + "params: " + "{a: ".repeat(30) + "{}" + "}".repeat(30) + "\n";
        assertThat(parse(deepest).params()).isNotNull();
        assertThat(violationsOf(() -> parse(deepest.replace("{}", "{a: {}}"))))
                .containsExactly("request: the document nests deeper than 32 levels");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "!foo x                               | '!foo'",
            "!!binary aGVsbG8=                    | '!!binary'",
            "!!timestamp 2022-07-20               | '!!timestamp'",
            "!!python/object:os.system [ls]       | '!!python/object:os.system'",
            "!!set {a: null}                      | '!!set'",
            "!!omap [a: 1]                        | '!!omap'",
            "!<tag:example.com,2000:app/foo> bar  | 'tag:example.com,2000:app/foo'",
    })
    void shouldRejectTagsBeyondTheCoreSchema(String value, String tag) {
        assertThat(violationsOf(() -> parse(ENVELOPE + "params:\n  v: " + value + "\n"))).containsExactly(
                "request: unsupported YAML at line 5, column 6: tag " + tag
                        + " is not allowed; use plain strings, numbers, true/false, null, lists and mappings");
    }

    @Test
    void shouldAcceptCoreTags() {
        ObjectNode params = params("s: !!str 123\ni: !!int \"42\"\nb: !!bool true\nn: !!null ~\nf: !!float 1.5\n");
        assertThat(params.get("s").textValue()).isEqualTo("123");
        assertThat(params.get("i").bigIntegerValue()).isEqualTo(BigInteger.valueOf(42));
        assertThat(params.get("b").booleanValue()).isTrue();
        assertThat(params.get("n").isNull()).isTrue();
        assertThat(params.get("f").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void shouldRejectAnIntTagOnSomethingElse() {
        assertThat(violationsOf(() -> parse(ENVELOPE + "params:\n  v: !!int 0x1F\n"))).containsExactly(
                "request: unsupported YAML at line 5, column 6: an integer must be written in decimal with at most"
                        + " 1000 digits");
    }

    @Test
    void shouldRejectMergeKeys() {
        assertThat(violationsOf(() -> parse(ENVELOPE + "params:\n  base: &b {a: 1}\n  Context:\n    <<: *b\n")))
                .containsExactly("request: unsupported YAML at line 7, column 5: merge keys ('<<') are not supported");
    }

    @Test
    void shouldRejectComplexKeys() {
        assertThat(violationsOf(() -> parse(ENVELOPE + "params:\n  ? [a, b]\n  : 1\n"))).containsExactly(
                "request: unsupported YAML at line 5, column 5: keys must be plain text, not lists or mappings");
    }

    @Test
    void shouldNotReinterpretYaml11LookalikesBehindTheUsersBack() {
        ObjectNode params = params("""
                no: no
                on: yes
                hex: 0x1F
                octal: 0o17
                sexagesimal: 1:20
                underscored: 1_000
                date: 2022-07-20
                inf: .inf
                leadingZero: 012
                quoted: "123"
                exponent: 1e3
                """);
        assertThat(params.get("no").textValue()).isEqualTo("no");
        assertThat(params.get("on").textValue()).isEqualTo("yes");
        assertThat(params.get("hex").textValue()).isEqualTo("0x1F");
        assertThat(params.get("octal").textValue()).isEqualTo("0o17");
        assertThat(params.get("sexagesimal").textValue()).isEqualTo("1:20");
        assertThat(params.get("underscored").textValue()).isEqualTo("1_000");
        assertThat(params.get("date").textValue()).isEqualTo("2022-07-20");
        assertThat(params.get("inf").textValue()).isEqualTo(".inf");
        assertThat(params.get("leadingZero").bigIntegerValue()).isEqualTo(BigInteger.valueOf(12));
        assertThat(params.get("quoted").textValue()).isEqualTo("123");
        assertThat(params.get("exponent").isFloatingPointNumber()).isTrue();
    }

    @Test
    void shouldKeepBigYamlIntegersExact() {
        assertThat(params("t: 9007199254740993\n").get("t").bigIntegerValue())
                .isEqualTo(new BigInteger("9007199254740993"));
    }

    @Test
    void shouldRejectAYamlDocumentOverTheSizeLimitWithoutParsingIt() {
        RequestParser small = new RequestParser(50);
        String big = ENVELOPE + "params: {a: " + "[".repeat(40) + "]".repeat(40) + "}";
        assertThat(violationsOf(() -> small.parse(big.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("request: the document is larger than 50 characters");
    }

    @Test
    void shouldHandleALargeButLegalDocumentQuickly() {
        String list = "[" + "1, ".repeat(50_000) + "1]";
        long started = System.nanoTime();
        assertThat(params("l: " + list + "\n").get("l")).hasSize(50_001);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
