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

        private static string Db(double db)
        {
            return db.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " dB";
        }
    }
}
