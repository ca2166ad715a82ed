package io.rebalancer.rules.drools.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a class file with ASM and lists everything it refers to ({@link CodeReference}), and the rule each method
 * builds: the executable model builds a rule in a method that calls {@code D.rule(package, name)} with two string
 * constants, and the rule's constraints and consequence are lambdas of that method.
 */
public final class BytecodeScanner {
    private static final int API = Opcodes.ASM9;

    /**
     * What one class refers to, the rule name behind each method that builds a rule, and for each lambda body
     * of the class the method that creates the lambda (the compiler Drools uses names them {@code lambda$0},
     * {@code lambda$1}, ..., without the enclosing method).
     */
    public record ScannedClass(String name, List<CodeReference> references, Map<String, String> ruleOfMethod,
            Map<String, String> enclosingMethod) {
        public ScannedClass {
            references = List.copyOf(references);
            ruleOfMethod = Map.copyOf(ruleOfMethod);
            enclosingMethod = Map.copyOf(enclosingMethod);
        }
    }

    private BytecodeScanner() {
    }

    public static ScannedClass scan(byte[] classFile) {
        Collector c = new Collector();
        new ClassReader(classFile).accept(c, 0);
        return new ScannedClass(c.className, c.refs, c.ruleOfMethod, c.enclosing);
    }

    private static final class Collector extends ClassVisitor {
        String className = "";
        final List<CodeReference> refs = new ArrayList<>();
        final Map<String, String> ruleOfMethod = new LinkedHashMap<>();
        final Map<String, String> enclosing = new LinkedHashMap<>();

        Collector() {
            super(API);
        }

        void type(String internalOrDescriptor, String method, boolean isDescriptor) {
            if (internalOrDescriptor == null) {
                return;
            }
            if (isDescriptor) {
                Type t = Type.getType(internalOrDescriptor);
                if (t.getSort() == Type.METHOD) {
                    type(t.getReturnType().getDescriptor(), method, true);
                    for (Type a : t.getArgumentTypes()) {
                        type(a.getDescriptor(), method, true);
                    }
                    return;
                }
                while (t.getSort() == Type.ARRAY) {
                    t = t.getElementType();
                }
                if (t.getSort() == Type.OBJECT) {
                    refs.add(new CodeReference(CodeReference.Kind.TYPE, t.getInternalName(), "", "", className, method));
                }
                return;
            }
            if (internalOrDescriptor.startsWith("[")) {
                type(internalOrDescriptor, method, true);
            } else {
                refs.add(new CodeReference(CodeReference.Kind.TYPE, internalOrDescriptor, "", "", className, method));
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            type(superName, "", false);
            if (interfaces != null) {
                for (String i : interfaces) {
                    type(i, "", false);
                }
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            type(descriptor, "", true);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            type(descriptor, name, true);
            if (exceptions != null) {
                for (String e : exceptions) {
                    type(e, name, false);
                }
            }
            return new Methods(name);
        }

        private final class Methods extends MethodVisitor {
            private final String method;
            private final List<String> recentStrings = new ArrayList<>();

            Methods(String method) {
                super(API);
                this.method = method;
            }

            private void constant(Object value) {
                if (value instanceof Type t) {
                    type(t.getDescriptor(), method, true);
                } else if (value instanceof Handle h) {
                    refs.add(new CodeReference(CodeReference.Kind.HANDLE, h.getOwner(), h.getName(), h.getDesc(),
                            className, method));
                    type(h.getDesc(), method, true);
                    if (h.getOwner().equals(className) && !h.getName().equals(method)) {
                        enclosing.putIfAbsent(h.getName(), method);
                    }
                } else if (value instanceof ConstantDynamic d) {
                    Handle b = d.getBootstrapMethod();
                    refs.add(new CodeReference(CodeReference.Kind.BOOTSTRAP, b.getOwner(), b.getName(), b.getDesc(),
                            className, method));
                    for (int i = 0; i < d.getBootstrapMethodArgumentCount(); i++) {
                        constant(d.getBootstrapMethodArgument(i));
                    }
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof String s) {
                    recentStrings.add(s);
                    if (recentStrings.size() > 2) {
                        recentStrings.remove(0);
                    }
                    return;
                }
                recentStrings.clear();
                constant(value);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                if (name.equals("rule") && owner.endsWith("/D") && owner.startsWith("org/drools/")
                        && descriptor.startsWith("(Ljava/lang/String;Ljava/lang/String;)") && recentStrings.size() == 2) {
                    ruleOfMethod.put(method, recentStrings.get(1));
                }
                recentStrings.clear();
                refs.add(new CodeReference(CodeReference.Kind.CALL, owner.startsWith("[") ? "java/lang/Object" : owner,
                        name, descriptor, className, method));
                if (owner.startsWith("[")) {
                    type(owner, method, false);
                }
                type(descriptor, method, true);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                recentStrings.clear();
                refs.add(new CodeReference(CodeReference.Kind.FIELD, owner, name, descriptor, className, method));
                type(descriptor, method, true);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                recentStrings.clear();
                type(type, method, false);
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                type(descriptor, method, true);
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
                recentStrings.clear();
                refs.add(new CodeReference(CodeReference.Kind.BOOTSTRAP, bsm.getOwner(), bsm.getName(), bsm.getDesc(),
                        className, method));
                type(descriptor, method, true);
                for (Object a : bsmArgs) {
                    constant(a);
                }
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                type(type, method, false);
            }

            @Override
            public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                    int index) {
                type(descriptor, method, true);
            }
        }
    }
}
