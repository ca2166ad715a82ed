package io.rebalancer.rules.drools;
import io.rebalancer.rules.drools.sandbox.*;
import java.nio.file.*; import java.util.*; import java.util.zip.*;
public class DumpRefsScratch {
    public static void main(String[] a) throws Exception {
        Set<String> own = new HashSet<>(); List<byte[]> cls = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(a[0])))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry())
                if (e.getName().endsWith(".class")) { own.add(e.getName().replace(".class","")); cls.add(in.readAllBytes()); }
        }
        TreeSet<String> out = new TreeSet<>();
        for (byte[] b : cls) for (CodeReference r : BytecodeScanner.scan(b).references()) {
            if (own.contains(r.owner())) continue;
            boolean full = a.length > 1;
            out.add(r.kind() + " " + r.owner() + (r.member().isEmpty() ? "" : "." + r.member()) + (full ? " " + r.descriptor() : ""));
        }
        out.forEach(System.out::println);
    }
}
