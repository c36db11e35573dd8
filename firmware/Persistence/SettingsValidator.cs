using InterfaceFirmware.Drivers;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Eq;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Persistence
{
    /// <summary>
    /// Brings settings read from a record back inside what the board allows, logging each value it
    /// changes. A record's checksum proves its bytes are what some firmware wrote, not that they fit
    /// this board (another board's profile, an older firmware's ranges, a bug): a value out of range
    /// is clamped to the nearest allowed one, an unknown choice falls back to its default.
    /// </summary>
    /// <remarks>
    /// It guarantees sane values only; the firmware's own rules still apply on top (a level above
    /// the boot cap comes up at the cap, levels are snapped to the range's grid).
    /// </remarks>
    public static class SettingsValidator
    {
        private const string Source = "settings";

        /// <summary>Clamps <paramref name="settings"/> to <paramref name="limits"/>; returns the number of values changed.</summary>
        public static int Clamp(Settings settings, SettingsLimits limits, ILog log)
        {
            int fixes = 0;
            int jacks = settings.Jacks.Length < limits.JackCount ? settings.Jacks.Length : limits.JackCount;
            for (int j = 0; j < jacks; j++)
            {
                fixes += ClampJack(j, settings.Jacks[j], limits, log);
            }

            int lowest = int.MaxValue;
            int highest = int.MinValue;
            for (int j = 0; j < limits.JackCount; j++)
            {
                lowest = limits.LowestLevel(j) < lowest ? limits.LowestLevel(j) : lowest;
                highest = limits.HighestLevel(j) > highest ? limits.HighestLevel(j) : highest;
            }

            if (settings.BootCapCentiDb > highest || settings.BootCapCentiDb < lowest)
            {
                int capped = settings.BootCapCentiDb > highest ? highest : lowest;
                Report(log, "boot cap " + InterfaceDevice.Db(settings.BootCapCentiDb) + " outside every range (" + InterfaceDevice.Db(lowest) + " to " + InterfaceDevice.Db(highest) + "): set to " + InterfaceDevice.Db(capped));
                settings.BootCapCentiDb = capped;
                fixes++;
            }

            MonitorMode monitor = settings.Monitor;
            if (monitor != MonitorMode.Off && monitor != MonitorMode.Mono && monitor != MonitorMode.Stereo)
            {
                Report(log, "monitor mode " + ((int)monitor).ToString() + " unknown: set to stereo (the default)");
                settings.Monitor = MonitorMode.Stereo;
                fixes++;
            }
            else if (monitor == MonitorMode.Mono && !limits.CanMonitorMono)
            {
                Report(log, "mono monitoring is not possible on this board: set to stereo");
                settings.Monitor = MonitorMode.Stereo;
                fixes++;
            }

            // Keep-alive: a pulse of 100 ms to 5 s, at most every 60 s (banks cut after 12–120 s) and
            // never more often than every 2 s.
            if (settings.KeepAlivePeriodMs < 2000 || settings.KeepAlivePeriodMs > 60000)
            {
                Report(log, "keep-alive period " + settings.KeepAlivePeriodMs.ToString() + " ms outside 2000..60000: set to " + Settings.DefaultKeepAlivePeriodMs.ToString());
                settings.KeepAlivePeriodMs = Settings.DefaultKeepAlivePeriodMs;
            }

            if (settings.KeepAlivePulseMs < 100 || settings.KeepAlivePulseMs > 5000 || settings.KeepAlivePulseMs >= settings.KeepAlivePeriodMs)
            {
                Report(log, "keep-alive pulse " + settings.KeepAlivePulseMs.ToString() + " ms outside 100..5000 (and under the period): set to " + Settings.DefaultKeepAlivePulseMs.ToString());
                settings.KeepAlivePulseMs = Settings.DefaultKeepAlivePulseMs;
            }

            for (int c = 0; c < Settings.InputCount; c++)
            {
                int pan = settings.Pan[c];
                if (pan < -Settings.PanSteps || pan > Settings.PanSteps)
                {
                    int side = c == 0 ? -Settings.PanSteps : Settings.PanSteps;
                    Report(log, "input " + (c + 1).ToString() + " pan " + pan.ToString() + " outside ±" + Settings.PanSteps.ToString() + ": its own side");
                    settings.Pan[c] = side;
                    fixes++;
                }

                int type = (int)settings.InputTypes[c];
                if (type < 0 || type > (int)InputType.Instrument)
                {
                    Report(log, "input " + (c + 1).ToString() + " type " + type.ToString() + " unknown: line");
                    settings.InputTypes[c] = InputType.Line;
                }
            }

            // Input gains: the codec lands any request on its own steps; a value no codec has is garbage.
            for (int c = 0; c < Settings.InputCount; c++)
            {
                int gain = settings.InputGainCentiDb[c];
                if (gain != GainScale.Muted && (gain < -10000 || gain > 10000))
                {
                    Report(log, "input " + (c + 1).ToString() + " gain " + gain.ToString() + " outside ±100 dB: the board's default");
                    settings.InputGainCentiDb[c] = GainScale.Muted;
                }
            }

            if (settings.Blend < 0 || settings.Blend > Settings.BlendPositions)
            {
                int blend = settings.Blend < 0 ? 0 : Settings.BlendPositions;
                Report(log, "blend " + settings.Blend.ToString() + " outside 0.." + Settings.BlendPositions.ToString() + ": set to " + blend.ToString());
                settings.Blend = blend;
                fixes++;
            }

            return fixes;
        }

        // The EQ preset must be one the jack offers (flat otherwise: the user presets it named may
        // be gone); the limiter's cap within its span (a jack without a limiter has it off).
        private static int ClampEq(int j, JackSettings jack, SettingsLimits limits, ILog log)
        {
            int fixes = 0;
            string name = "jack " + j.ToString();
            int presets = limits.EqPresetCount(j);
            if (jack.EqPreset != 0 && (jack.EqPreset < 0 || jack.EqPreset >= presets))
            {
                Report(log, name + ": EQ preset " + jack.EqPreset.ToString() + (presets == 0 ? " but the jack has no EQ" : " not among its " + presets.ToString()) + ": flat");
                jack.EqPreset = 0;
                fixes++;
            }

            fixes += ClampBands(name + ": graphic EQ band ", jack.EqGraphic, log);
            fixes += ClampBands(name + ": bass/treble band ", jack.EqTone, log);
            if (jack.LimiterCentiDbV != Settings.LimiterOff)
            {
                if (presets == 0)
                {
                    Report(log, name + ": a limiter but the jack has none: off");
                    jack.LimiterCentiDbV = Settings.LimiterOff;
                    fixes++;
                }
                else if (jack.LimiterCentiDbV < Settings.LimiterMinCentiDbV || jack.LimiterCentiDbV > Settings.LimiterMaxCentiDbV)
                {
                    int cap = jack.LimiterCentiDbV < Settings.LimiterMinCentiDbV ? Settings.LimiterMinCentiDbV : Settings.LimiterMaxCentiDbV;
                    Report(log, name + ": limiter cap " + InterfaceDevice.Db(jack.LimiterCentiDbV) + "V outside " + InterfaceDevice.Db(Settings.LimiterMinCentiDbV)
                        + "V to " + InterfaceDevice.Db(Settings.LimiterMaxCentiDbV) + "V: set to " + InterfaceDevice.Db(cap) + "V");
                    jack.LimiterCentiDbV = cap;
                    fixes++;
                }
            }

            return fixes;
        }

        private static int ClampBands(string what, int[] gains, ILog log)
        {
            int fixes = 0;
            for (int b = 0; b < gains.Length; b++)
            {
                if (gains[b] < -EqLibrary.MaxBandDb || gains[b] > EqLibrary.MaxBandDb)
                {
                    Report(log, what + (b + 1).ToString() + " at " + gains[b].ToString() + " dB outside ±" + EqLibrary.MaxBandDb.ToString() + " dB: 0 dB");
                    gains[b] = 0;
                    fixes++;
                }
            }

            return fixes;
        }

        private static int ClampJack(int j, JackSettings jack, SettingsLimits limits, ILog log)
        {
            int fixes = 0;
            fixes += ClampEq(j, jack, limits, log);
            string name = "jack " + j.ToString();
            if (!SettingsLimits.IsKnownRange(jack.Range))
            {
                Report(log, name + ": range " + ((int)jack.Range).ToString() + " unknown: set to normal (the default)");
                jack.Range = HeadphoneRange.Normal;
                fixes++;
            }

            // The user's maximum may belong to another range than the current one (set in High, then
            // switched to Normal): it must lie within some range of the jack, not the current one.
            if (jack.UserMaxCentiDb != GainScale.Muted)
            {
                int lowest = limits.LowestLevel(j);
                int highest = limits.HighestLevel(j);
                if (jack.UserMaxCentiDb > highest || jack.UserMaxCentiDb < lowest)
                {
                    int clamped = jack.UserMaxCentiDb > highest ? highest : lowest;
                    Report(log, name + ": maximum " + InterfaceDevice.Db(jack.UserMaxCentiDb) + " outside every range: set to " + InterfaceDevice.Db(clamped));
                    jack.UserMaxCentiDb = clamped;
                    fixes++;
                }
            }

            int min = limits.MinLevel(j, jack.Range);
            int max = limits.MaxLevel(j, jack.Range);
            bool userCeiling = jack.UserMaxCentiDb != GainScale.Muted && jack.UserMaxCentiDb < max;
            int ceiling = userCeiling ? (jack.UserMaxCentiDb > min ? jack.UserMaxCentiDb : min) : max;
            if (jack.LevelCentiDb > ceiling)
            {
                Report(log, name + ": level " + InterfaceDevice.Db(jack.LevelCentiDb) + " above " + (userCeiling ? "the user's maximum " : "the range's maximum ") + InterfaceDevice.Db(ceiling) + ": set to it");
                jack.LevelCentiDb = ceiling;
                fixes++;
            }
            else if (jack.LevelCentiDb < min)
            {
                Report(log, name + ": level " + InterfaceDevice.Db(jack.LevelCentiDb) + " below the range's minimum " + InterfaceDevice.Db(min) + ": set to it");
                jack.LevelCentiDb = min;
                fixes++;
            }

            return fixes;
        }

        private static void Report(ILog log, string message)
        {
            if (log != null)
            {
                log.Write(LogLevel.Warning, Source, "saved " + message);
            }
        }
    }
}
