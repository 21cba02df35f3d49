package io.iotjobbridge.hostile;

/**
 * Named by the corpus's {@code @class} JSON and {@code !!java} YAML documents: a parser that instantiated classes from
 * a document would initialise it, and {@link HostileCorpus#TRIPWIRE_TRIGGERED} would show it.
 */
public final class Tripwire {

    static {
        HostileCorpus.TRIPWIRE_TRIGGERED.incrementAndGet();
    }

    public Tripwire(String any) {
        HostileCorpus.TRIPWIRE_TRIGGERED.incrementAndGet();
    }
}
