using InterfaceFirmware.Drivers.Amplifier;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Tpa6130a2
{
    /// <summary>
    /// TI TPA6130A2 headphone amplifier (I2C 0x60, readable registers; TI SLOS488,
    /// Linux sound/soc/codecs/tpa6130a2.c): revision check, one volume on the 64-step taper, per-channel mute, high-impedance
    /// outputs, thermal flag, and shutdown by software (SWS) and, where wired, by the SD line.
    /// </summary>
    /// <remarks>
    /// With the SD line low the chip is unpowered and keeps nothing: the driver works on its cache
    /// only (as Linux does with regcache_cache_only) and writes what differs from the reset values
    /// when the line goes high again. Enable order (Linux DAPM): charge pump (SWS off), channel
    /// enables, un-mute last; shutdown mutes first. Reading the Control register clears the
    /// thermal flag, so every read of it is noted for <see cref="CheckThermal"/>.
    /// </remarks>
    public sealed class Tpa6130a2Amplifier : ChipDriver, IHeadphoneAmplifier
    {
        public const int DefaultAddress = 0x60;

        private const string LogSource = "amp";

        private static readonly GainScale Taper = GainScale.Table(Tpa6130a2Registers.GainTable(), -1);

        private readonly IDigitalOutput _shutdownLine;
        private bool _started;
        private bool _wantEnabled;
        private bool _enabled;
        private int _wantMute; // MuteLeft/MuteRight bits the caller asked for
        private bool _thermalSeen;
        private readonly byte[] _probed = new byte[Tpa6130a2Registers.OutputImpedance - Tpa6130a2Registers.Control + 1]; // the probe's block read

        /// <param name="shutdownLine">The SD pin (high = running), or null where it is tied high.</param>
        /// <param name="log">Where failures are reported (may be null).</param>
        public Tpa6130a2Amplifier(II2cBus bus, int address, IDigitalOutput shutdownLine, ILog log)
            : base(new RegisterBank(new ByteRegisterPort(bus, address, true /* its pointer increments: SLOS488 §8.5.4 */), Tpa6130a2Registers.ResetValues()), log, LogSource)
        {
            _shutdownLine = shutdownLine;
        }

        public override string Name
        {
            get { return "TPA6130A2"; }
        }

        public GainScale Volume
        {
            get { return Taper; }
        }

        public bool StereoVolume
        {
            get { return false; }
        }

        public bool Enabled
        {
            get { return _enabled; }
        }

        public bool Busy
        {
            get { return Runner.Running; }
        }

        /// <summary>
        /// Reads the revision (Linux accepts 1 and 2). With the SD line low the chip is woken for
        /// the read and put back, as the Linux probe does; the read follows the rising edge at once
        /// (the datasheet text on how soon I2C answers after SD was not available: if a real chip
        /// NACKs there, call this with SD already high for <see cref="Tpa6130a2Sequences.WakeMs"/>).
        /// </summary>
        public DriverStatus Probe(out int revision)
        {
            revision = -1;
            bool woken = false;
            if (_shutdownLine != null && !_shutdownLine.Level)
            {
                _shutdownLine.Write(true);
                woken = true;
            }

            bool answered = Registers.ReadChip(Tpa6130a2Registers.Version, out int version);
            if (woken)
            {
                _shutdownLine.Write(false);
            }

            if (!answered)
            {
                return DriverStatus.BusFault;
            }

            revision = version & Tpa6130a2Registers.RevisionMask;
            return revision == 1 || revision == 2 ? DriverStatus.Ok : DriverStatus.WrongDevice;
        }

        /// <summary>
        /// Takes charge of the chip and shuts it down: SD low where wired (nothing written, the
        /// cache starts from the reset values), otherwise software shutdown (one write).
        /// </summary>
        public DriverStatus Start(long nowMs)
        {
            Runner.Stop();
            ClearFault();
            Registers.Cache.RestoreResetValues();
            _started = true;
            _wantEnabled = false;
            _enabled = false;
            _wantMute = 0;
            _thermalSeen = false;
            if (_shutdownLine != null)
            {
                _shutdownLine.Write(false);
                Registers.CacheOnly = true;
                return Status;
            }

            Registers.CacheOnly = false;
            Update(Tpa6130a2Registers.Control, Tpa6130a2Registers.SoftwareShutdown, Tpa6130a2Registers.SoftwareShutdown);
            return Status;
        }

        /// <summary>
        /// Reads Control, Volume and Output impedance (the chip is readable; with the SD line low it
        /// is unpowered and holds nothing: <see cref="Start"/>). Enabled and out of software
        /// shutdown, it may be playing: the cache takes on what it holds and the shutdown sequence
        /// runs (mute, channels off, SWS, SD low). Otherwise <see cref="Start"/>, unchanged.
        /// </summary>
        public DriverStatus TakeCharge(long nowMs)
        {
            if (_shutdownLine != null && !_shutdownLine.Level)
            {
                return Start(nowMs);
            }

            Runner.Stop();
            ClearFault();
            Registers.Cache.RestoreResetValues();
            Registers.CacheOnly = false;
            _thermalSeen = false;
            int[] held = new int[Tpa6130a2Registers.OutputImpedance + 1];
            for (int register = Tpa6130a2Registers.Control; register <= Tpa6130a2Registers.OutputImpedance; register++)
            {
                if (!ReadRegister(register, out held[register]))
                {
                    return Status;
                }
            }

            int control = held[Tpa6130a2Registers.Control];
            bool live = (control & Tpa6130a2Registers.SoftwareShutdown) == 0 && (control & Tpa6130a2Registers.EnableBoth) != 0;
            if (!live)
            {
                return Start(nowMs);
            }

            for (int register = Tpa6130a2Registers.Control; register <= Tpa6130a2Registers.OutputImpedance; register++)
            {
                Registers.Cache.Set(register, held[register]);
                Registers.Cache.MarkChipHolds(register, held[register]);
            }

            _started = true;
            _wantEnabled = false;
            _enabled = false;
            _wantMute = 0;
            Report(LogLevel.Info, "found enabled: shutting it down");
            Runner.Start(Tpa6130a2Sequences.Shutdown);
            Tick(nowMs);
            return Status;
        }

        public DriverStatus SetEnabled(bool enabled, long nowMs)
        {
            if (!_started)
            {
                return DriverStatus.InvalidState;
            }

            if (Status != DriverStatus.Ok)
            {
                return Status;
            }

            if (enabled == _wantEnabled && (Runner.Running || enabled == _enabled))
            {
                return DriverStatus.Ok; // already there or on the way
            }

            _wantEnabled = enabled;
            _enabled = false;
            Runner.Start(enabled ? Tpa6130a2Sequences.Enable : Tpa6130a2Sequences.Shutdown);
            Tick(nowMs);
            return Status;
        }

        public void Tick(long nowMs)
        {
            if (!Runner.Running || Status != DriverStatus.Ok)
            {
                return;
            }

            if (RunSequence(nowMs))
            {
                _enabled = _wantEnabled;
            }
        }

        /// <summary>Sets the shared volume; <see cref="GainScale.Muted"/> mutes both channels instead.</summary>
        public int SetVolume(int centiDb)
        {
            if (centiDb == GainScale.Muted)
            {
                SetMuted(true, true);
                return GainScale.Muted;
            }

            int code = Taper.CodeFor(centiDb);
            Update(Tpa6130a2Registers.Volume, Tpa6130a2Registers.VolumeMask, code);
            return Taper.CentiDbFor(code);
        }

        public DriverStatus SetMuted(bool left, bool right)
        {
            _wantMute = (left ? Tpa6130a2Registers.MuteLeft : 0) | (right ? Tpa6130a2Registers.MuteRight : 0);
            if (_enabled && !Runner.Running)
            {
                Update(Tpa6130a2Registers.Volume, Tpa6130a2Registers.MuteBoth, _wantMute);
            }

            return Status;
        }

        public DriverStatus SetHighImpedance(bool left, bool right)
        {
            int bits = (left ? Tpa6130a2Registers.HighZLeft : 0) | (right ? Tpa6130a2Registers.HighZRight : 0);
            Update(Tpa6130a2Registers.OutputImpedance, Tpa6130a2Registers.HighZLeft | Tpa6130a2Registers.HighZRight, bits);
            return Status;
        }

        /// <summary>
        /// The flag says a thermal shutdown occurred; reading clears it once the die has cooled,
        /// so a second read that still shows it means the shutdown is still going on (TI's advice).
        /// An unpowered chip (SD low) cannot be hot: nothing to read.
        /// </summary>
        public DriverStatus CheckThermal(out bool occurred, out bool ongoing)
        {
            occurred = false;
            ongoing = false;
            if (Registers.CacheOnly || Status != DriverStatus.Ok)
            {
                return Status;
            }

            if (!ReadControl())
            {
                return Status;
            }

            occurred = _thermalSeen; // this read, or an earlier one that saw the flag
            _thermalSeen = false;
            if (occurred)
            {
                if (!ReadControl())
                {
                    return Status;
                }

                ongoing = _thermalSeen; // set again right after being cleared: still too hot
                _thermalSeen = false;
            }

            return Status;
        }

        /// <summary>Compares the chip's Control, Volume and Output-impedance registers with what the driver knows it wrote there.</summary>
        public DriverStatus ProbeForReset(out bool wasReset)
        {
            wasReset = false;
            if (Registers.CacheOnly || Status != DriverStatus.Ok)
            {
                return Status;
            }

            // One transaction: the register pointer increments (TPA6130A2 datasheet SLOS488, §8.5.4
            // "multiple-byte read"): 96 bits on the wire instead of three reads' 156.
            const int First = Tpa6130a2Registers.Control;
            const int Count = Tpa6130a2Registers.OutputImpedance - First + 1;
            if (!Registers.ReadChipBlock(First, _probed, Count))
            {
                Fail("does not answer a read of registers " + First.ToString() + "–" + (First + Count - 1).ToString());
                return Status;
            }

            for (int i = 0; i < Count; i++)
            {
                int value = _probed[i];
                if (First + i == Tpa6130a2Registers.Control)
                {
                    _thermalSeen |= (value & Tpa6130a2Registers.Thermal) != 0;
                    value &= ~Tpa6130a2Registers.Thermal;
                }

                if (value != Registers.Cache.ChipValue(First + i))
                {
                    wasReset = true; // not what was written: the chip lost it (a change still to be written is not a reset)
                }
            }

            return Status;
        }

        /// <summary>
        /// Reads what the chip holds (it is readable: no guessing), marks the differences for
        /// writing, and re-runs the enable or shutdown sequence towards the wished state, muted
        /// until the end as always.
        /// </summary>
        public DriverStatus Resync(long nowMs)
        {
            if (!_started)
            {
                return DriverStatus.InvalidState;
            }

            Runner.Stop();
            ClearFault();
            _enabled = false;
            if (Registers.CacheOnly)
            {
                return Status; // unpowered: the next enable writes everything anyway
            }

            for (int register = Tpa6130a2Registers.Control; register <= Tpa6130a2Registers.OutputImpedance; register++)
            {
                if (!ReadRegister(register, out int value))
                {
                    return Status;
                }

                if (register == Tpa6130a2Registers.Control)
                {
                    Registers.Cache.Set(register, value); // the sequence moves Control itself
                }

                Registers.Cache.MarkChipHolds(register, value);
            }

            Report(LogLevel.Warning, "re-syncing");
            Runner.Start(_wantEnabled ? Tpa6130a2Sequences.Enable : Tpa6130a2Sequences.Shutdown);
            Tick(nowMs);
            return Status;
        }

        public override StepResult Perform(int action, long nowMs)
        {
            switch (action)
            {
                case Tpa6130a2Sequences.ReleaseShutdownLine:
                    if (_shutdownLine != null && !_shutdownLine.Level)
                    {
                        _shutdownLine.Write(true);
                        Registers.CacheOnly = false;
                        Registers.Cache.ChipWasReset();
                        Registers.Cache.RestoreResetValue(Tpa6130a2Registers.Control); // the sequence moves it
                    }

                    return StepResult.Done;
                case Tpa6130a2Sequences.AssertShutdownLine:
                    if (_shutdownLine != null)
                    {
                        _shutdownLine.Write(false);
                        Registers.CacheOnly = true;
                    }

                    return StepResult.Done;
                case Tpa6130a2Sequences.FlushIfRetained:
                    if (_shutdownLine != null)
                    {
                        return StepResult.Done; // about to lose power: the next enable writes everything
                    }

                    return FlushSome();
                case Tpa6130a2Sequences.Flush:
                    return FlushSome();
                case Tpa6130a2Sequences.MuteBoth:
                    Update(Tpa6130a2Registers.Volume, Tpa6130a2Registers.MuteBoth, Tpa6130a2Registers.MuteBoth);
                    return Outcome();
                case Tpa6130a2Sequences.ApplyMute:
                    Update(Tpa6130a2Registers.Volume, Tpa6130a2Registers.MuteBoth, _wantMute);
                    return Outcome();
                default:
                    return StepResult.Failed;
            }
        }

        private bool ReadControl()
        {
            return ReadRegister(Tpa6130a2Registers.Control, out int control);
        }

        // Control reads clear the thermal flag: note it, and keep it out of the value (the cache never holds it).
        private bool ReadRegister(int register, out int value)
        {
            if (!Registers.ReadChip(register, out value))
            {
                Fail("does not answer a read of register " + register.ToString());
                return false;
            }

            if (register == Tpa6130a2Registers.Control)
            {
                _thermalSeen |= (value & Tpa6130a2Registers.Thermal) != 0;
                value &= ~Tpa6130a2Registers.Thermal;
            }

            return true;
        }
    }
}
