package wms.shopify.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time in milliseconds (user and system, from /proc) of the connector's JVM, its PostgreSQL (the postmaster and
 * its backends) and the test JVM (senders and the sandbox): what the benchmarks print beside their times, which on
 * a shared machine say less than the CPU a flow costs.
 */
record ProcessCpu(double connector, double database, double tests) {

    /** The CPU used so far by the server of this connector, its database and this JVM. */
    static ProcessCpu of(SandboxConnector connector) throws IOException {
        long database = connector.databasePid();
        double children = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                long[] stat = procStat(Long.parseLong(process.getFileName().toString()));
                if (stat.length > 0 && stat[0] == database) {
                    children += stat[1] + stat[2];
                }
            }
        }
        long[] postmaster = procStat(database);
        long[] server = procStat(connector.server().pid());
        long[] tests = procStat(ProcessHandle.current().pid());
        double tick = 10; // ms per clock tick (USER_HZ 100 on Linux)
        return new ProcessCpu(
                (server[1] + server[2]) * tick,
                (postmaster[1] + postmaster[2] + postmaster[3] + postmaster[4] + children) * tick,
                (tests[1] + tests[2]) * tick);
    }

    ProcessCpu minus(ProcessCpu earlier) {
        return new ProcessCpu(
                this.connector - earlier.connector, this.database - earlier.database, this.tests - earlier.tests);
    }

    /**
     * Fields of /proc/[pid]/stat: parent pid, then user, system, children's user and children's system time in
     * clock ticks (children's: of the children that ended); empty when the process is gone.
     */
    private static long[] procStat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(fields[1]),
                Long.parseLong(fields[11]),
                Long.parseLong(fields[12]),
                Long.parseLong(fields[13]),
                Long.parseLong(fields[14])
            };
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    /** The load average over 1, 5 and 15 minutes, as {@code uptime} prints it. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
