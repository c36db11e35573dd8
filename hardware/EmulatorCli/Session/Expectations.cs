using System;
using System.Globalization;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.EmulatorCli.Session
{
    /// <summary>The <c>expect</c> lines: what the firmware holds (its settings and plan) and what the listener heard (pops).</summary>
    public static class Expectations
    {
        /// <summary>Null when <paramref name="step"/> holds; otherwise what was found instead.</summary>
        public static string Check(ScriptStep step, VirtualBoard board, InterfaceDevice device, BoardProfile profile)
        {
            if (step.Verb == Verb.ExpectPops)
            {
                var pops = Boards.Pops(board, true);
                return pops.Count == (int)step.Expected ? null : pops.Count + " pop(s) heard at the jacks so far: " + string.Join("; ", pops);
            }

            if (step.Verb == Verb.ExpectHeard)
            {
                int jack = Boards.JackIndex(profile, step.Name);
                double heard = Math.Max(SilenceDb, HeardDb(Boards.Output(board, jack), board.Audio.NextSample));
                return Math.Abs(heard - step.Expected) <= step.Within + 1e-9 ? null
                    : "the " + step.Name + " jack plays at " + (heard <= SilenceDb ? "silence (" + Db(SilenceDb) + " or below)" : Db(heard)) + " (RMS of the last " + HeardWindowMs + " ms)";
            }

            if (device == null)
            {
                return "the firmware has not booted";
            }

            switch (step.Verb)
            {
                case Verb.ExpectLevel:
                {
                    int jack = Boards.JackIndex(profile, step.Name);
                    double level = device.Settings.Jacks[jack].LevelCentiDb / 100.0;
                    return Math.Abs(level - step.Expected) <= step.Within + 1e-9 ? null : "the " + step.Name + " jack's level is " + Db(level);
                }

                case Verb.ExpectMuted:
                case Verb.ExpectOpen:
                {
                    int jack = Boards.JackIndex(profile, step.Name);
                    bool silent = device.Targets(jack).Silent;
                    bool wantSilent = step.Verb == Verb.ExpectMuted;
                    return silent == wantSilent ? null : "the " + step.Name + " jack is " + (silent ? "silent (" + Timeline.SilentReason(device, profile, jack) + ")" : "playing");
                }

                case Verb.ExpectMonitor:
                {
                    string mode = Timeline.MonitorName(device.Targets(0).MonitorMode);
                    return mode == step.Name ? null : "monitoring is " + mode;
                }

                default:
                    return null;
            }
        }

        /// <summary>What <c>expect heard</c> reads for a silent jack (anything quieter reads this): a muted jack's residue is far below it.</summary>
        public const double SilenceDb = -150;

        /// <summary>The window <c>expect heard</c> measures.</summary>
        public const int HeardWindowMs = 100;

        /// <summary>
        /// What a jack plays now: the RMS of both channels over the last <see cref="HeardWindowMs"/>,
        /// in dB re a full-scale sine (0 dB: the DAC's full-scale sine, about 1 V rms at the jack), so
        /// a sine reads as its level whatever its frequency; −∞ for silence.
        /// </summary>
        public static double HeardDb(HeadphoneOutput jack, long endSample)
        {
            SignalRecorder left = jack.Recorder(true);
            SignalRecorder right = jack.Recorder(false);
            long end = Math.Min(endSample, Math.Min(left.FirstSample + left.Length, right.FirstSample + right.Length));
            long start = Math.Max(end - AudioEngine.SampleRate * HeardWindowMs / 1000, Math.Max(left.FirstSample, right.FirstSample));
            if (end <= start)
            {
                return double.NegativeInfinity;
            }

            double l = left.Rms(start, end);
            double r = right.Rms(start, end);
            double meanSquare = (l * l + r * r) / 2;
            return meanSquare > 0 ? 10 * Math.Log10(2 * meanSquare) : double.NegativeInfinity;
        }

        private static string Db(double db)
        {
            return db.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " dB";
        }
    }
}
