using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Firmware.Eq;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Planning;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>
    /// The headphone EQ and the hearing-protection limiter, on jacks whose codec has a DAP (the
    /// SGTL5000): the preset is designed for the running rate and loaded before the jack first
    /// opens (boot, a rate change: the jack is closed then anyway) or, on a preset step while it
    /// plays, behind the DAC's soft mute (the loader owns the mute for those ~40 ms and the jack's
    /// stages wait); the limiter's threshold follows the gain after the DAP so the cap holds in
    /// volts at the jack.
    /// </summary>
    public sealed partial class InterfaceDevice
    {
        /// <summary>How long the LEDs count the preset after a step.</summary>
        public const int EqShowMs = 3 * LedPatterns.CycleMs;

        /// <summary>A band edit is loaded this long after the last key step (one fade per adjustment, not per step).</summary>
        public const int EqEditSettleMs = 300;

        private readonly EqLibrary _eqLibrary = new EqLibrary();
        private JackEq[] _jackEq;
        private int[] _eqRevision;
        private long[] _eqEditedAtMs;

        /// <summary>The EQ presets on offer (built-in and user).</summary>
        public EqLibrary EqPresets
        {
            get { return _eqLibrary; }
        }

        /// <summary>Jack <paramref name="jack"/>'s EQ and limiter, or null where its codec has none.</summary>
        public JackEq Eq(int jack)
        {
            return _jackEq[jack];
        }

        // One JackEq per jack whose codec has a DAP; the user presets read from the store.
        private void CreateEq(BoardIo io)
        {
            _jackEq = new JackEq[_jackCount];
            _eqRevision = new int[_jackCount];
            _eqEditedAtMs = new long[_jackCount];
            bool any = false;
            for (int j = 0; j < _jackCount; j++)
            {
                var dap = _codecs[_profile.Jacks[j].CodecIndex] as Sgtl5000Codec;
                if (dap != null)
                {
                    _jackEq[j] = new JackEq(dap);
                    any = true;
                }
            }

            if (any)
            {
                _eqLibrary.LoadUserPresets(io.EqPresets, _log);
            }
        }

        /// <summary>A closed jack whose EQ is not what its chip runs yet stays closed until it is.</summary>
        private bool EqHoldsClosed(int j)
        {
            JackEq eq = _jackEq[j];
            return eq != null && !_outputs[j].Open && eq.Pending(_settings.Jacks[j].EqPreset, _rate, _eqRevision[j]);
        }

        /// <summary>A faded EQ load owns the jack's codec mute: the jack's stages wait.</summary>
        private bool EqLoading(int j)
        {
            JackEq eq = _jackEq[j];
            return eq != null && eq.Busy;
        }

        private void StepEq(long nowMs)
        {
            for (int j = 0; j < _jackCount; j++)
            {
                JackEq eq = _jackEq[j];
                if (eq == null)
                {
                    continue;
                }

                int c = _profile.Jacks[j].CodecIndex;
                IAudioCodec codec = _codecs[c];
                if (!_tookCharge || codec.Status != DriverStatus.Ok || _recovery[c] != CodecRecovery.None || _codecWatch[c].Failed)
                {
                    eq.Forget(); // whatever the chip holds now, it is loaded again once it is back
                    continue;
                }

                eq.Tick(nowMs);
                int preset = _settings.Jacks[j].EqPreset;
                bool closedAndQuiet = !_outputs[j].Open && (codec.PowerState != CodecPowerState.On || codec.MuteSettled(nowMs));
                bool playing = _outputs[j].Open && codec.PowerState == CodecPowerState.On;
                bool editing = playing && nowMs - _eqEditedAtMs[j] < EqEditSettleMs;
                if (eq.Pending(preset, _rate, _eqRevision[j]) && !eq.Busy && !codec.Busy && (closedAndQuiet || (playing && !editing)))
                {
                    if (!_eqLibrary.Available(preset))
                    {
                        _log.Write(LogLevel.Warning, Source, _profile.Jacks[j].Name + " jack EQ: " + _eqLibrary.Name(preset) + " is not on the device: flat until it is");
                    }

                    if (eq.Load(_eqLibrary, preset, _settings.Jacks[j], _rate, _eqRevision[j], nowMs) == DriverStatus.Ok)
                    {
                        _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack EQ: " + _eqLibrary.Name(preset) + " at " + _rate.ToString()
                            + " Hz, " + eq.Plan.BandCount.ToString() + " biquads, preamp " + Db((int)(eq.Plan.PreampDb * 100)));
                    }
                }

                eq.UpdateLimiter(_settings.Jacks[j].LimiterCentiDbV, _profile.Jacks[j].FullScaleCentiDbV, GainAfterDap(j));
            }
        }

        // The larger of the gains after the DAP the chips hold and are heading for: during a ramp
        // the threshold is never set for less gain than the jack has.
        private int GainAfterDap(int j)
        {
            int planned = StageSum(_targets[j]);
            int applied = StageSum(_outputs[j].Applied);
            return planned > applied ? planned : applied;
        }

        private static int StageSum(JackTargets stages)
        {
            if (stages.DacCentiDb == GainScale.Muted || stages.HeadphoneCentiDb == GainScale.Muted || stages.AmplifierCentiDb == GainScale.Muted)
            {
                return -20000; // silent: any cap holds
            }

            return stages.AmplifierCentiDb + stages.HeadphoneCentiDb + stages.DacCentiDb;
        }

        private void StepEqPreset(int j, long nowMs)
        {
            if (_jackEq[j] == null)
            {
                _log.Write(LogLevel.Warning, Source, _profile.Jacks[j].Name + " jack: no EQ (its codec has none)");
                return;
            }

            JackSettings jack = _settings.Jacks[j];
            jack.EqPreset = _eqLibrary.Next(jack.EqPreset);
            _state.EqFocus = -1; // the keys back on the level (a band of the old preset means nothing now)
            ShowCount(jack.EqPreset, nowMs);
            _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack EQ preset " + (jack.EqPreset + 1).ToString() + ": " + _eqLibrary.Name(jack.EqPreset));
        }

        // The monitor LED counts n + 1 flashes for a while: a preset's number, or a band's.
        private void ShowCount(int n, long nowMs)
        {
            _state.EqShownPreset = n;
            _state.EqShownUntilMs = (nowMs / LedPatterns.CycleMs + 1) * LedPatterns.CycleMs + EqShowMs;
        }

        /// <summary>
        /// After the inputs in the focus cycle (select double press): the selected jack's graphic or
        /// bass/treble bands, one by one, then back to the level. True when the keys went to a band.
        /// </summary>
        private bool FocusNextEqBand(int j, long nowMs)
        {
            int preset = _settings.Jacks[j].EqPreset;
            int bands = _jackEq[j] != null ? EqLibrary.EditableBands(preset) : 0;
            int next = _state.EqFocus + 1;
            if (next >= bands)
            {
                _state.EqFocus = -1;
                return false;
            }

            _state.EqFocus = next;
            ShowCount(next, nowMs);
            int[] gains = EqLibrary.EditableGains(preset, _settings.Jacks[j]);
            _log.Write(LogLevel.Info, Source, "volume keys on the " + _profile.Jacks[j].Name + " jack's " + _eqLibrary.Name(preset) + " band " + (next + 1).ToString()
                + " (" + EqLibrary.BandName(preset, next) + ", " + gains[next].ToString() + " dB)");
            return true;
        }

        // One 1 dB step of the focused band, within ±12 dB; loaded once the keys rest (EqEditSettleMs).
        private void StepEqBand(int j, bool up, long nowMs)
        {
            int preset = _settings.Jacks[j].EqPreset;
            int[] gains = EqLibrary.EditableGains(preset, _settings.Jacks[j]);
            int band = _state.EqFocus;
            if (gains == null || band < 0 || band >= gains.Length)
            {
                _state.EqFocus = -1;
                return;
            }

            int gain = gains[band] + (up ? 1 : -1);
            if (gain > EqLibrary.MaxBandDb || gain < -EqLibrary.MaxBandDb)
            {
                return;
            }

            gains[band] = gain;
            _eqRevision[j]++;
            _eqEditedAtMs[j] = nowMs;
            ShowCount(band, nowMs);
            _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack " + _eqLibrary.Name(preset) + " " + EqLibrary.BandName(preset, band) + ": " + gain.ToString() + " dB");
        }

        private void ToggleLimiter(int j)
        {
            if (_jackEq[j] == null)
            {
                _log.Write(LogLevel.Warning, Source, _profile.Jacks[j].Name + " jack: no limiter (its codec has none)");
                return;
            }

            JackSettings jack = _settings.Jacks[j];
            if (jack.LimiterCentiDbV != Settings.LimiterOff)
            {
                jack.LimiterCentiDbV = Settings.LimiterOff;
                _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack limiter off");
                return;
            }

            // On at the peaks a full-scale sine has at the level now: what is heard now is the most.
            int cap = _profile.Jacks[j].FullScaleCentiDbV + jack.LevelCentiDb;
            cap = cap < Settings.LimiterMinCentiDbV ? Settings.LimiterMinCentiDbV : (cap > Settings.LimiterMaxCentiDbV ? Settings.LimiterMaxCentiDbV : cap);
            jack.LimiterCentiDbV = cap;
            _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack limiter on: peaks held at " + Db(cap) + "V (a sine's rms)");
        }
    }
}
