/**
 * A small declarative vocabulary for the parameters of vendor operations, so each operation is written once as
 * data and every rule words its own violation.
 *
 * <p>Building blocks (static factories in {@link io.iotjobbridge.request.spec.Specs}):
 * <ul>
 * <li>{@code required(name, spec)} / {@code optional(name, spec)}: a field; absent-but-required reads
 *     "is required", an explicit JSON null reads "must not be null".</li>
 * <li>{@code string()} with {@code nonBlank()}, {@code length(min, max)}, {@code minLength}, {@code maxLength}
 *     (code points), {@code matches(regex, rule)}, {@code satisfies(predicate, rule)},
 *     {@code noControlCharacters()}, {@code oneOf(...)}.</li>
 * <li>{@code int64()} with {@code min}, {@code max}, {@code jsSafe()} (at most 2^53 - 1) and
 *     {@code epochMillisFromNow(earliest, latest)}; only integer tokens pass.</li>
 * <li>{@code bool()}, {@code anyObject()} (free-form), {@code list(element)} with {@code size},
 *     {@code minSize}, {@code maxSize}.</li>
 * <li>{@code object(fields...)}: a closed object, unknown fields reported with the allowed names and a
 *     "did you mean" for near misses; {@code withCheck(CrossFieldCheck)} adds {@code after},
 *     {@code atMostAfter}, {@code atLeastOneOf} or a custom {@code CrossFieldCheck.of(fields, body)}.</li>
 * </ul>
 *
 * <p>This package reports (field, rule) pairs through {@link io.iotjobbridge.request.spec.Validation} and does not
 * depend on the request package, which turns them into {@code Violation}s.
 */
package io.iotjobbridge.request.spec;
