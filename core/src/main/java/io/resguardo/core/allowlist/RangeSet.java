package io.resguardo.core.allowlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The matcher behind {@link Allowlist}: each family's blocks merged into sorted, disjoint, non-adjacent
 * intervals held in primitive arrays, searched by bisection. A lookup costs O(log n) comparisons, allocates
 * nothing, and does not care how the blocks overlapped.
 */
final class RangeSet {
    private final long[] v4Start;
    private final long[] v4End;
    // IPv6 halves are stored with the sign bit flipped so that signed comparison orders them as unsigned.
    private final long[] v6StartHi;
    private final long[] v6StartLo;
    private final long[] v6EndHi;
    private final long[] v6EndLo;

    private RangeSet(List<long[]> v4, List<long[]> v6) {
        v4Start = new long[v4.size()];
        v4End = new long[v4.size()];
        for (int i = 0; i < v4.size(); i++) {
            v4Start[i] = v4.get(i)[0];
            v4End[i] = v4.get(i)[1];
        }
        v6StartHi = new long[v6.size()];
        v6StartLo = new long[v6.size()];
        v6EndHi = new long[v6.size()];
        v6EndLo = new long[v6.size()];
        for (int i = 0; i < v6.size(); i++) {
            long[] r = v6.get(i);
            v6StartHi[i] = r[0] ^ Long.MIN_VALUE;
            v6StartLo[i] = r[1] ^ Long.MIN_VALUE;
            v6EndHi[i] = r[2] ^ Long.MIN_VALUE;
            v6EndLo[i] = r[3] ^ Long.MIN_VALUE;
        }
    }

    static RangeSet of(Collection<Cidr> blocks) {
        List<long[]> v4 = new ArrayList<>();
        List<long[]> v6 = new ArrayList<>();
        for (Cidr block : blocks) {
            IpAddress a = block.address();
            if (a.isIpv4()) {
                v4.add(new long[] {a.lo(), block.lastLo()});
            } else {
                v6.add(new long[] {a.hi(), a.lo(), block.lastHi(), block.lastLo()});
            }
        }
        return new RangeSet(mergeIpv4(v4), mergeIpv6(v6));
    }

    /**
     * Whether the merged ranges cover a whole address family: {@code 0.0.0.0/1, 128.0.0.0/1} admits the Internet as
     * surely as {@code 0.0.0.0/0} does.
     */
    boolean coversAWholeFamily() {
        boolean allV4 = v4Start.length == 1 && v4Start[0] == 0 && v4End[0] == 0xFFFF_FFFFL;
        boolean allV6 = v6StartHi.length == 1 && v6StartHi[0] == Long.MIN_VALUE && v6StartLo[0] == Long.MIN_VALUE
                && v6EndHi[0] == Long.MAX_VALUE && v6EndLo[0] == Long.MAX_VALUE;
        return allV4 || allV6;
    }

    boolean contains(IpAddress address) {
        return address.isIpv4() ? containsIpv4(address.lo()) : containsIpv6(address.hi(), address.lo());
    }

    private boolean containsIpv4(long x) {
        // Find the last interval starting at or before x; x is inside iff it does not end before x.
        int low = 0;
        int high = v4Start.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (v4Start[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high >= 0 && x <= v4End[high];
    }

    private boolean containsIpv6(long hi, long lo) {
        long xHi = hi ^ Long.MIN_VALUE;
        long xLo = lo ^ Long.MIN_VALUE;
        int low = 0;
        int high = v6StartHi.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long sHi = v6StartHi[mid];
            if (sHi < xHi || sHi == xHi && v6StartLo[mid] <= xLo) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (high < 0) {
            return false;
        }
        long eHi = v6EndHi[high];
        return xHi < eHi || xHi == eHi && xLo <= v6EndLo[high];
    }

    private static List<long[]> mergeIpv4(List<long[]> ranges) {
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : ranges) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        return merged;
    }

    private static List<long[]> mergeIpv6(List<long[]> ranges) {
        ranges.sort((a, b) -> compare(a[0], a[1], b[0], b[1]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : ranges) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && touches(last, r)) {
                if (compare(r[2], r[3], last[2], last[3]) > 0) {
                    last[2] = r[2];
                    last[3] = r[3];
                }
            } else {
                merged.add(r.clone());
            }
        }
        return merged;
    }

    /** Whether {@code next} (sorted after {@code last}) starts no later than one past the end of {@code last}. */
    private static boolean touches(long[] last, long[] next) {
        if (last[2] == -1L && last[3] == -1L) {
            return true;
        }
        long afterHi = last[3] == -1L ? last[2] + 1 : last[2];
        long afterLo = last[3] + 1;
        return compare(next[0], next[1], afterHi, afterLo) <= 0;
    }

    private static int compare(long aHi, long aLo, long bHi, long bLo) {
        int byHi = Long.compareUnsigned(aHi, bHi);
        return byHi != 0 ? byHi : Long.compareUnsigned(aLo, bLo);
    }
}
