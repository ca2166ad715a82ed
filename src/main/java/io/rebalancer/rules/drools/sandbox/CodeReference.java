package io.rebalancer.rules.drools.sandbox;

import java.util.Objects;

/**
 * One thing a compiled class refers to: a method it calls, a field it reads or writes, a type it names, a
 * bootstrap method of an {@code invokedynamic}, or a method handle constant.
 *
 * @param kind       what the reference is
 * @param owner      the internal name of the class owning the member (or the type named), e.g. {@code java/lang/Math}
 * @param member     the method or field name; empty for a type reference
 * @param descriptor the member's JVM descriptor; empty for a type reference
 * @param inClass    the internal name of the generated class holding the reference
 * @param inMethod   the method holding it; empty for class-level references (super class, interfaces, fields)
 */
public record CodeReference(Kind kind, String owner, String member, String descriptor, String inClass, String inMethod) {

    /** What a reference is. */
    public enum Kind {
        /** a method call (any invoke instruction) */
        CALL,
        /** a field read or write */
        FIELD,
        /** a type named: new, cast, instanceof, array, class literal, super type, signature, catch */
        TYPE,
        /** the bootstrap method of an invokedynamic */
        BOOTSTRAP,
        /** a method handle constant (method references, lambda bodies) */
        HANDLE
    }

    public CodeReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        member = member == null ? "" : member;
        descriptor = descriptor == null ? "" : descriptor;
        Objects.requireNonNull(inClass, "inClass");
        inMethod = inMethod == null ? "" : inMethod;
    }

    /** The Java name of the owner, {@code java.lang.Runtime}. */
    public String ownerName() {
        return owner.replace('/', '.');
    }

    /** How the reference reads in a message: {@code java.lang.Runtime.exec} or {@code java.io.File}. */
    public String display() {
        return member.isEmpty() ? ownerName() : ownerName() + "." + member;
    }
}
