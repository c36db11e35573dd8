using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using InterfaceFirmware.EmulatorCli.Output;
using InterfaceFirmware.Firmware.Eq;

namespace InterfaceFirmware.EmulatorCli.Commands
{
    /// <summary>
    /// <c>eq import FILE --out PRESETFILE</c>: an AutoEq <c>ParametricEQ.txt</c> (EqualizerAPO
    /// syntax) made into a device preset for the SGTL5000's 7 biquads. More filters than that:
    /// the one whose removal leaves the smallest worst deviation goes, until 7 are left, then the
    /// kept bands' gains are nudged to make up for them (frequencies and Qs stay). The
    /// report gives the worst deviation of the fitted curve (as the chip runs it: quantized
    /// coefficients, the preamp taken off) from the requested one over 20 Hz–20 kHz, at 48 and
    /// 44.1 kHz. The file written is <see cref="EqPresetFile"/> (59 bytes).
    /// </summary>
    public static class EqImportCommand
    {
        /// <summary>Points of the deviation grid: 1/24 octave from 20 Hz to 20 kHz.</summary>
        public const int GridPointsPerOctave = 24;

        private static readonly Regex FilterLine = new Regex(
            @"^Filter\s*\d*\s*:\s*(?<state>ON|OFF)\s+(?<type>[A-Z]+)\s+Fc\s+(?<fc>[-+0-9.eE]+)\s*Hz(\s+Gain\s+(?<gain>[-+0-9.eE]+)\s*dB)?(\s+Q\s+(?<q>[-+0-9.eE]+))?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex PreampLine = new Regex(@"^Preamp\s*:\s*(?<db>[-+0-9.eE]+)\s*dB\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>One filter as the file asks for it (before the preset's rounding).</summary>
        public sealed record Filter(int Line, EqFilterType Type, double Hz, double GainDb, double Q)
        {
            public override string ToString() =>
                string.Format(CultureInfo.InvariantCulture, "{0} {1:0.#} Hz {2:+0.0;-0.0;0.0} dB Q {3:0.00} (line {4})", Name(Type), Hz, GainDb, Q, Line);
        }

        /// <summary>An input problem the user can fix (no stack trace, exit 2).</summary>
        public sealed class ImportException : Exception
        {
            public ImportException(string message)
                : base(message)
            {
            }
        }

        public static int Run(FileInfo file, FileInfo outFile, TextWriter output, TextWriter error, Func<string, Stream> createTemporary = null)
        {
            try
            {
                byte[] bytes = null;
                var outputs = new OutputPlan(createTemporary);
                outputs.AddInput("the AutoEq file", file.FullName);
                outputs.Add("--out", outFile.FullName, s => s.Write(bytes, 0, bytes.Length));
                outputs.Check();
                string[] lines = ReadLines(file);
                double? preamp;
                List<Filter> filters = Parse(lines, file.Name, out preamp, out int off);
                var kept = new List<Filter>(filters);
                var dropped = new List<Filter>();
                while (kept.Count > EqPreset.MaxBands)
                {
                    Filter least = LeastSignificant(filters, kept);
                    kept.Remove(least);
                    dropped.Add(least);
                }

                if (dropped.Count > 0)
                {
                    kept = RefitGains(filters, kept);
                }

                var preset = new EqPreset();
                var warnings = new List<string>();
                foreach (Filter f in kept)
                {
                    AddRounded(preset, f, warnings);
                }

                bytes = EqPresetFile.ToBytes(preset);
                outputs.Write();

                output.WriteLine("eq import " + file.FullName);
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0} filter(s) read{1}{2}", filters.Count,
                    off > 0 ? ", " + off + " OFF skipped" : string.Empty,
                    preamp.HasValue ? string.Format(CultureInfo.InvariantCulture, "; the file's preamp {0:0.0} dB is not used (the device derives its own)", preamp.Value) : string.Empty));
                foreach (Filter f in dropped)
                {
                    output.WriteLine("  dropped (least significant): " + f + string.Format(CultureInfo.InvariantCulture, ", alone it shapes up to {0:0.00} dB", Math.Abs(PeakOf(f))));
                }

                foreach (string warning in warnings)
                {
                    output.WriteLine("  note: " + warning);
                }

                for (int i = 0; i < preset.Count; i++)
                {
                    output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  band {0}: {1} {2} Hz {3:+0.00;-0.00;0.00} dB Q {4:0.000}", i + 1,
                        Name(preset.Type(i)), preset.FrequencyHz(i), preset.GainCentiDb(i) / 100.0, preset.QMilli(i) / 1000.0));
                }

                foreach (int rate in new[] { 48000, 44100 })
                {
                    var plan = new EqPlan();
                    plan.Compute(preset, rate);
                    double worst = WorstDeviationDb(filters, plan, out double at);
                    output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "  at {0} Hz: worst deviation from the requested curve {1:0.00} dB at {2:0} Hz (20 Hz-20 kHz, 1/{3} octave); device preamp {4:0.00} dB",
                        rate, worst, at, GridPointsPerOctave, plan.PreampDb));
                }

                output.WriteLine("wrote " + outFile.FullName + " (" + bytes.Length + " bytes)");
                return Program.ExitOk;
            }
            catch (ImportException e)
            {
                error.WriteLine("interface-emulator eq import: " + e.Message);
                return Program.ExitUsage;
            }
            catch (OutputException e)
            {
                error.WriteLine("interface-emulator eq import: " + e.Message);
                return Program.ExitUsage;
            }
        }

        /// <summary>The filters of an AutoEq / EqualizerAPO text: <c>Preamp:</c> and <c>Filter N: ON|OFF type Fc … Hz [Gain … dB] [Q …]</c> lines; blank lines and # comments ignored.</summary>
        public static List<Filter> Parse(string[] lines, string fileName, out double? preamp, out int off)
        {
            var filters = new List<Filter>();
            preamp = null;
            off = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                int number = i + 1;
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                Match p = PreampLine.Match(line);
                if (p.Success)
                {
                    preamp = Number(p.Groups["db"].Value, fileName, number, "the preamp");
                    continue;
                }

                Match m = FilterLine.Match(line);
                if (!m.Success)
                {
                    throw new ImportException(fileName + ":" + number + ": not a Preamp or Filter line: \"" + Shorten(line) + "\" (expected e.g. \"Filter 1: ON PK Fc 105 Hz Gain 6.4 dB Q 0.70\")");
                }

                if (string.Equals(m.Groups["state"].Value, "OFF", StringComparison.OrdinalIgnoreCase))
                {
                    off++;
                    continue;
                }

                string code = m.Groups["type"].Value.ToUpperInvariant();
                EqFilterType type = code switch
                {
                    "PK" or "PEQ" => EqFilterType.Peaking,
                    "LSC" or "LS" => EqFilterType.LowShelf,
                    "HSC" or "HS" => EqFilterType.HighShelf,
                    "LP" or "LPQ" => EqFilterType.LowPass,
                    "HP" or "HPQ" => EqFilterType.HighPass,
                    _ => throw new ImportException(fileName + ":" + number + ": filter type " + code + " is not supported (PK, LSC/LS, HSC/HS, LP/LPQ, HP/HPQ)"),
                };
                double hz = Number(m.Groups["fc"].Value, fileName, number, "Fc");
                bool passFilter = type == EqFilterType.LowPass || type == EqFilterType.HighPass;
                if (!passFilter && !m.Groups["gain"].Success)
                {
                    throw new ImportException(fileName + ":" + number + ": a " + code + " filter needs a Gain");
                }

                double gain = passFilter ? 0 : Number(m.Groups["gain"].Value, fileName, number, "Gain");
                double q = m.Groups["q"].Success ? Number(m.Groups["q"].Value, fileName, number, "Q") : 0.7071;
                if (hz <= 0 || hz > 100000)
                {
                    throw new ImportException(fileName + ":" + number + ": Fc " + m.Groups["fc"].Value + " Hz is out of range");
                }

                if (q <= 0)
                {
                    throw new ImportException(fileName + ":" + number + ": Q must be positive");
                }

                filters.Add(new Filter(number, type, hz, gain, q));
            }

            if (filters.Count == 0)
            {
                throw new ImportException(fileName + ": no filters (expected lines like \"Filter 1: ON PK Fc 105 Hz Gain 6.4 dB Q 0.70\")");
            }

            return filters;
        }

        /// <summary>The requested curve at <paramref name="hz"/> (dB): every filter, exact, at 48 kHz unless told.</summary>
        public static double RequestedDb(IReadOnlyList<Filter> filters, double hz, double rate = 48000)
        {
            var c = new double[5];
            double db = 0;
            foreach (Filter f in filters)
            {
                EqDesigner.Design(f.Type, f.Hz, f.GainDb, f.Q, rate, c);
                db += 10 * Math.Log10(EqDesigner.PowerAt(c, hz, rate));
            }

            return db;
        }

        /// <summary>What the chip runs for <paramref name="plan"/> at <paramref name="hz"/> (dB): its quantized biquads, the preamp taken off.</summary>
        public static double FittedDb(EqPlan plan, double hz)
        {
            var chip = new int[5];
            var c = new double[5];
            double db = 0;
            for (int k = 0; k < plan.BandCount; k++)
            {
                for (int i = 0; i < 5; i++)
                {
                    chip[i] = plan.Coefficient(k, i);
                }

                EqDesigner.Dequantize(chip, c);
                db += 10 * Math.Log10(EqDesigner.PowerAt(c, hz, plan.SampleRate));
            }

            return db - plan.PreampDb;
        }

        /// <summary>The worst |fitted − requested| over 20 Hz–20 kHz (1/24 octave), the requested curve at the plan's rate.</summary>
        public static double WorstDeviationDb(IReadOnlyList<Filter> requested, EqPlan plan, out double atHz)
        {
            double worst = 0;
            atHz = 20;
            int points = (int)Math.Round(Math.Log2(1000.0) * GridPointsPerOctave);
            for (int i = 0; i <= points; i++)
            {
                double hz = 20 * Math.Pow(1000.0, i / (double)points);
                double deviation = Math.Abs(FittedDb(plan, hz) - RequestedDb(requested, hz, plan.SampleRate));
                if (deviation > worst)
                {
                    worst = deviation;
                    atHz = hz;
                }
            }

            return worst;
        }

        // The kept filter whose removal leaves the smallest worst deviation from the whole request (exact curves, 48 kHz).
        private static Filter LeastSignificant(IReadOnlyList<Filter> all, List<Filter> kept)
        {
            Filter best = null;
            double bestWorst = double.MaxValue;
            int points = (int)Math.Round(Math.Log2(1000.0) * 12);
            foreach (Filter candidate in kept)
            {
                var rest = new List<Filter>(kept);
                rest.Remove(candidate);
                double worst = 0;
                for (int i = 0; i <= points; i++)
                {
                    double hz = 20 * Math.Pow(1000.0, i / (double)points);
                    worst = Math.Max(worst, Math.Abs(RequestedDb(rest, hz) - RequestedDb(all, hz)));
                }

                if (worst < bestWorst)
                {
                    bestWorst = worst;
                    best = candidate;
                }
            }

            return best;
        }

        // After a drop: the kept bands' gains nudged (coordinate descent, steps 1 dB down to
        // 0.01 dB) to lower the worst deviation from the whole request (exact curves, 48 kHz).
        private static List<Filter> RefitGains(IReadOnlyList<Filter> all, List<Filter> kept)
        {
            int points = (int)Math.Round(Math.Log2(1000.0) * 12);
            var grid = new double[points + 1];
            var target = new double[points + 1];
            for (int i = 0; i <= points; i++)
            {
                grid[i] = 20 * Math.Pow(1000.0, i / (double)points);
                target[i] = RequestedDb(all, grid[i]);
            }

            double Worst(List<Filter> set)
            {
                double worst = 0;
                for (int i = 0; i <= points; i++)
                {
                    worst = Math.Max(worst, Math.Abs(RequestedDb(set, grid[i]) - target[i]));
                }

                return worst;
            }

            var fitted = new List<Filter>(kept);
            double best = Worst(fitted);
            for (double step = 1.0; step >= 0.01; step /= 2)
            {
                bool improved = true;
                while (improved)
                {
                    improved = false;
                    for (int k = 0; k < fitted.Count; k++)
                    {
                        if (fitted[k].Type == EqFilterType.LowPass || fitted[k].Type == EqFilterType.HighPass)
                        {
                            continue;
                        }

                        foreach (double delta in new[] { step, -step })
                        {
                            var trial = new List<Filter>(fitted);
                            trial[k] = fitted[k] with { GainDb = fitted[k].GainDb + delta };
                            double worst = Worst(trial);
                            if (worst < best - 1e-6)
                            {
                                best = worst;
                                fitted = trial;
                                improved = true;
                                break;
                            }
                        }
                    }
                }
            }

            return fitted;
        }

        private static double PeakOf(Filter f)
        {
            double peak = 0;
            for (double hz = 20; hz <= 20000; hz *= 1.05)
            {
                double db = RequestedDb(new[] { f }, hz);
                peak = Math.Abs(db) > Math.Abs(peak) ? db : peak;
            }

            return peak;
        }

        // The preset's units (whole Hz, 0.01 dB, 0.001 Q) and limits; what had to be clamped is noted.
        private static void AddRounded(EqPreset preset, Filter f, List<string> warnings)
        {
            int hz = Clamp((int)Math.Round(f.Hz), EqPreset.MinFrequencyHz, EqPreset.MaxFrequencyHz);
            int gain = Clamp((int)Math.Round(f.GainDb * 100), -EqPreset.MaxGainCentiDb, EqPreset.MaxGainCentiDb);
            int q = Clamp((int)Math.Round(f.Q * 1000), EqPreset.MinQMilli, EqPreset.MaxQMilli);
            if (Math.Abs(hz - f.Hz) > 0.5 || Math.Abs(gain - f.GainDb * 100) > 0.5 || Math.Abs(q - f.Q * 1000) > 0.5)
            {
                warnings.Add("line " + f.Line + " clamped to the device's limits (10 Hz-24 kHz, ±24 dB, Q 0.1-20)");
            }

            preset.Add(f.Type, hz, f.Type == EqFilterType.LowPass || f.Type == EqFilterType.HighPass ? 0 : gain, q);
        }

        private static int Clamp(int value, int min, int max) => value < min ? min : (value > max ? max : value);

        private static double Number(string text, string fileName, int line, string what)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ImportException(fileName + ":" + line + ": " + what + " \"" + text + "\" is not a number");
            }

            return value;
        }

        private static string Name(EqFilterType type) => type switch
        {
            EqFilterType.Peaking => "PK",
            EqFilterType.LowShelf => "LSC",
            EqFilterType.HighShelf => "HSC",
            EqFilterType.LowPass => "LP",
            EqFilterType.HighPass => "HP",
            _ => "-",
        };

        private static string Shorten(string line) => line.Length > 60 ? line.Substring(0, 60) + "…" : line;

        private static string[] ReadLines(FileInfo file)
        {
            try
            {
                return File.ReadAllLines(file.FullName);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ImportException("cannot read " + file.FullName + " (" + OutputPlan.WhyUnreadable(e, file.FullName) + ")");
            }
        }
    }
}
