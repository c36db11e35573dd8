using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace InterfaceFirmware.HostTests.Soak
{
    /// <summary>What a soak did and found: counts by kind, recoveries, and every invariant violation with where to replay it.</summary>
    internal sealed class SoakReport
    {
        public int Sessions;
        public long Events;
        public long VirtualMs;
        public long RenderedMs;
        public long LevelWindows;
        public long Episodes;
        public long Recoveries;
        public readonly SortedDictionary<string, long> EventsByKind = new SortedDictionary<string, long>();
        public readonly SortedDictionary<string, long> FaultsByKind = new SortedDictionary<string, long>();
        public readonly SortedDictionary<string, long> WorstRecoveryMs = new SortedDictionary<string, long>();
        public readonly SortedDictionary<string, long> AllowedPops = new SortedDictionary<string, long>();
        public readonly SortedDictionary<string, long> Notes = new SortedDictionary<string, long>();
        public readonly List<string> Violations = new List<string>();
        public readonly SortedDictionary<string, long> KnownFailures = new SortedDictionary<string, long>();
        public readonly List<string> KnownExamples = new List<string>();
        public readonly SortedDictionary<string, long> ViolationsByInvariant = new SortedDictionary<string, long>();
        public double WorstLevelMarginDb = double.NegativeInfinity;

        public void Count(SortedDictionary<string, long> into, string key, long by = 1)
        {
            into.TryGetValue(key, out long value);
            into[key] = value + by;
        }

        public void Worst(SortedDictionary<string, long> into, string key, long value)
        {
            if (!into.TryGetValue(key, out long old) || value > old)
            {
                into[key] = value;
            }
        }

        public void Violation(string invariant, string detail)
        {
            Count(ViolationsByInvariant, invariant);
            if (Violations.Count < 20)
            {
                Violations.Add(invariant + ": " + detail);
            }
        }

        public long ViolationCount => ViolationsByInvariant.Values.Sum();

        public void Add(SoakReport other)
        {
            Sessions += other.Sessions;
            Events += other.Events;
            VirtualMs += other.VirtualMs;
            RenderedMs += other.RenderedMs;
            LevelWindows += other.LevelWindows;
            Episodes += other.Episodes;
            Recoveries += other.Recoveries;
            foreach (var pair in other.EventsByKind) Count(EventsByKind, pair.Key, pair.Value);
            foreach (var pair in other.FaultsByKind) Count(FaultsByKind, pair.Key, pair.Value);
            foreach (var pair in other.AllowedPops) Count(AllowedPops, pair.Key, pair.Value);
            foreach (var pair in other.Notes) Count(Notes, pair.Key, pair.Value);
            foreach (var pair in other.ViolationsByInvariant) Count(ViolationsByInvariant, pair.Key, pair.Value);
            foreach (var pair in other.KnownFailures) Count(KnownFailures, pair.Key, pair.Value);
            foreach (string e in other.KnownExamples)
            {
                if (KnownExamples.Count < 400)
                {
                    KnownExamples.Add(e);
                }
            }

            foreach (var pair in other.WorstRecoveryMs) Worst(WorstRecoveryMs, pair.Key, pair.Value);
            foreach (string v in other.Violations)
            {
                if (Violations.Count < 40)
                {
                    Violations.Add(v);
                }
            }

            if (other.WorstLevelMarginDb > WorstLevelMarginDb)
            {
                WorstLevelMarginDb = other.WorstLevelMarginDb;
            }
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine("sessions " + Sessions + ", events " + Events + ", episodes " + Episodes + ", virtual time " + (VirtualMs / 1000) + " s (rendered "
                + (RenderedMs / 1000) + " s, " + LevelWindows + " level windows of 10 ms)");
            text.AppendLine("events by kind: " + Join(EventsByKind));
            text.AppendLine("faults injected by kind: " + Join(FaultsByKind));
            text.AppendLine("recoveries " + Recoveries + "; worst recovery (ms after the fault ended) by kind: " + Join(WorstRecoveryMs));
            text.AppendLine("loudest rendered level relative to the allowed level: " + (double.IsNegativeInfinity(WorstLevelMarginDb) ? "n/a" : WorstLevelMarginDb.ToString("F2") + " dB"));
            text.AppendLine("pop events inside their allowance: " + Join(AllowedPops));
            text.AppendLine("notes: " + Join(Notes));
            text.AppendLine("KNOWN FAILURES (firmware, reported; SOAK_STRICT=1 fails on them): " + Join(KnownFailures));
            foreach (string e in KnownExamples)
            {
                text.AppendLine("  " + e);
            }

            text.AppendLine("invariant violations: " + ViolationCount + (ViolationCount > 0 ? " " + Join(ViolationsByInvariant) : string.Empty));
            foreach (string v in Violations)
            {
                text.AppendLine("  " + v);
            }

            return text.ToString();
        }

        private static string Join(SortedDictionary<string, long> counts)
        {
            return counts.Count == 0 ? "none" : string.Join(", ", counts.Select(p => p.Key + " " + p.Value));
        }
    }
}
