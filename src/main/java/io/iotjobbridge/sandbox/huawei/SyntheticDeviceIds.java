package io.iotjobbridge.sandbox.huawei;

import java.util.AbstractList;

/**
 * Device ids made up on demand ({@code <prefix>000001}, {@code <prefix>000002}, …), so a task over thousands of
 * devices costs a prefix and a count rather than thousands of strings.
 */
final class SyntheticDeviceIds extends AbstractList<String> {

    private final String prefix;
    private final int count;

    SyntheticDeviceIds(String prefix, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        this.prefix = prefix;
        this.count = count;
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return prefix + String.format("%06d", index + 1);
    }

    @Override
    public int size() {
        return count;
    }
}
