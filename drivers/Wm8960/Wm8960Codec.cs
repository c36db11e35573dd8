using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Wm8960
{
    /// <summary>
    /// Wolfson/Cirrus WM8960 codec driver (Cirrus WM8960 datasheet; Linux sound/soc/codecs/wm8960.c): write-only registers
    /// kept in the cache, VU-latched volume pairs, zero-cross volume changes with the timeout on,
    /// the DAC's soft mute with its slow ramp, clocks direct from a 256·fs MCLK or through the PLL,
    /// and the Linux bias sequence with settle times long enough that the headphone coupling
    /// capacitors follow VMID without a thump.
    /// </summary>
    /// <remarks>
    /// Routing: each channel's input goes through its PGA (input 1 on the inverting input, so the
    /// ADC polarity is flipped back) into the boost mixer, which feeds the ADC and, through the
    /// bypass switch, the output mixer: that is the zero-latency monitor. The DAC always feeds the
    /// output mixer; the DAC's soft mute silences playback. There is no cross-feed: a left input
    /// reaches only the left ear in the analogue monitor.
    /// In On the input PGAs, mixers and headphone drivers are powered, and the converters the
    /// caller needs (<see cref="CodecDriver.SetBlocksNeeded"/>: the DACs for playback, the ADCs
    /// for capture; all by default). Mute covers
    /// both sources: the DAC's soft mute for playback, and the headphone volume for the monitor
    /// (the bypass has no soft ramp of its own), held at mute while the drivers come up and
    /// stepped to the requested level in 3 dB zero-cross-latched steps when a monitor path is open.
    /// </remarks>
    public sealed class Wm8960Codec : CodecDriver
    {
        public const int DefaultAddress = 0x1A;

        private readonly Wm8960ClockPlan _plan = new Wm8960ClockPlan();
        private readonly Wm8960ClockPlan _candidate = new Wm8960ClockPlan();
        private SequenceStep[] _clockSequence;
        private bool _clocksConfigured;
        private bool _pllRunning;
        private readonly bool _crossFeed;
        private int _inputGainLeft;
        private int _inputGainRight;
        private MonitorGains _monitorWish = MonitorGains.Off();

        public Wm8960Codec(II2cBus bus, int address, ILog log)
            : this(bus, address, log, false)
        {
        }

        /// <param name="crossFeedOnInput3">The board wires each input to the other side's INPUT3 as well (see <see cref="Wm8960Profile.CrossFeedOnInput3"/>).</param>
        public Wm8960Codec(II2cBus bus, int address, ILog log, bool crossFeedOnInput3)
            : base(new RegisterBank(new Wm8960RegisterPort(bus, address), Wm8960Registers.ResetValues()),
                crossFeedOnInput3 ? Wm8960Profile.CrossFeedOnInput3 : Wm8960Profile.Profile, log)
        {
            _crossFeed = crossFeedOnInput3;
            int[] latched =
            {
                Wm8960Registers.LeftInputVolume, Wm8960Registers.RightInputVolume, Wm8960Registers.LeftHeadphoneVolume,
                Wm8960Registers.RightHeadphoneVolume, Wm8960Registers.LeftDacVolume, Wm8960Registers.RightDacVolume,
                Wm8960Registers.LeftAdcVolume, Wm8960Registers.RightAdcVolume,
            };
            for (int i = 0; i < latched.Length; i++)
            {
                Registers.Cache.SetLatch(latched[i], Wm8960Registers.VolumeUpdate);
            }
        }

        /// <summary>The clocking in use (valid once <see cref="CodecDriver.ConfigureClocks"/> succeeded).</summary>
        public Wm8960ClockPlan Clocks
        {
            get { return _plan; }
        }

        // ---- gains and routing ---------------------------------------------------------------------

        public override DriverStatus SelectInputs(InputSource left, InputSource right)
        {
            int leftPath = InputPathBits(left);
            int rightPath = InputPathBits(right);
            if (leftPath < 0 || rightPath < 0)
            {
                return DriverStatus.Unsupported;
            }

            // INPUT1 enters the PGA's inverting input: flip the ADC polarity back for it.
            int polarity = (Inverts(left) ? Wm8960Registers.AdcPolarityLeft : 0) | (Inverts(right) ? Wm8960Registers.AdcPolarityRight : 0);
            Update(Wm8960Registers.LeftInputPath, Wm8960Registers.InputSelectMask | Wm8960Registers.PgaToBoost, leftPath);
            Update(Wm8960Registers.RightInputPath, Wm8960Registers.InputSelectMask | Wm8960Registers.PgaToBoost, rightPath);
            Update(Wm8960Registers.DacControl1, Wm8960Registers.AdcPolarityLeft | Wm8960Registers.AdcPolarityRight, polarity);
            return Status;
        }

        public override StereoGain SetInputGain(StereoGain requested)
        {
            int leftCode = Wm8960Gains.Input.CodeFor(requested.Left);
            int rightCode = Wm8960Gains.Input.CodeFor(requested.Right);
            int leftPga = InputPgaRegister(leftCode, Wm8960Registers.LeftInputVolume);
            int rightPga = InputPgaRegister(rightCode, Wm8960Registers.RightInputVolume);
            int leftBoost = leftCode == Wm8960Gains.InputMuteCode ? CurrentBoost(Wm8960Registers.LeftInputPath) : Wm8960Gains.BoostCodeOf(leftCode);
            int rightBoost = rightCode == Wm8960Gains.InputMuteCode ? CurrentBoost(Wm8960Registers.RightInputPath) : Wm8960Gains.BoostCodeOf(rightCode);

            // The boost has no zero-cross latch; the PGA's change waits for a zero crossing. Write
            // the side that lowers the gain first. Where the boost rises (only across +30, +43 and
            // +50 dB) the total still overshoots until the PGA's change lands: at most half a
            // period of the input, or the 43–85 ms timeout on silence.
            bool boostRises = leftBoost > CurrentBoost(Wm8960Registers.LeftInputPath) || rightBoost > CurrentBoost(Wm8960Registers.RightInputPath);
            if (boostRises)
            {
                WritePair(Wm8960Registers.LeftInputVolume, Wm8960Registers.RightInputVolume, leftPga, rightPga, Wm8960Registers.VolumeUpdate);
            }

            Update(Wm8960Registers.LeftInputPath, Wm8960Registers.MicBoostMask, leftBoost << Wm8960Registers.MicBoostShift);
            Update(Wm8960Registers.RightInputPath, Wm8960Registers.MicBoostMask, rightBoost << Wm8960Registers.MicBoostShift);
            if (!boostRises)
            {
                WritePair(Wm8960Registers.LeftInputVolume, Wm8960Registers.RightInputVolume, leftPga, rightPga, Wm8960Registers.VolumeUpdate);
            }

            _inputGainLeft = Wm8960Gains.Input.CentiDbFor(leftCode);
            _inputGainRight = Wm8960Gains.Input.CentiDbFor(rightCode);
            if (_crossFeed && (_monitorWish.LeftToRight != GainScale.Muted || _monitorWish.RightToLeft != GainScale.Muted))
            {
                SetMonitor(_monitorWish); // the cross paths bypass the PGA: they follow its gain here
            }

            return new StereoGain(_inputGainLeft, _inputGainRight);
        }

        public override StereoGain SetAdcVolume(StereoGain requested)
        {
            return SetDigitalPair(Wm8960Gains.Adc, Wm8960Registers.LeftAdcVolume, Wm8960Registers.RightAdcVolume, requested);
        }

        public override StereoGain SetDacVolume(StereoGain requested)
        {
            return SetDigitalPair(Wm8960Gains.Dac, Wm8960Registers.LeftDacVolume, Wm8960Registers.RightDacVolume, requested);
        }

        /// <summary>
        /// Left input to the left output and right to right through the boost mixers (gains after the
        /// input PGA). The cross paths exist only with the INPUT3 wiring: they reach the output
        /// mixers ahead of the PGA, so their gain is set to the request plus the source side's input
        /// gain, and what comes back is in the same terms as the straight paths (the PGA's gain
        /// beyond 0 dB cannot be matched: such a request comes back lower, as achieved).
        /// </summary>
        public override MonitorGains SetMonitor(MonitorGains requested)
        {
            _monitorWish = requested;
            int left = Wm8960Gains.Bypass.CodeFor(requested.LeftToLeft);
            int right = Wm8960Gains.Bypass.CodeFor(requested.RightToRight);
            SetMonitorPath(Wm8960Registers.LeftBypass, left, true);
            SetMonitorPath(Wm8960Registers.RightBypass, right, true);

            MonitorGains achieved = MonitorGains.Off();
            achieved.LeftToLeft = Wm8960Gains.Bypass.CentiDbFor(left);
            achieved.RightToRight = Wm8960Gains.Bypass.CentiDbFor(right);
            if (_crossFeed)
            {
                // RINPUT3 carries the left input into the right mixer (RI2RO), LINPUT3 the right one into the left (LI2LO).
                int leftToRight = CrossCode(requested.LeftToRight, _inputGainLeft);
                int rightToLeft = CrossCode(requested.RightToLeft, _inputGainRight);
                SetMonitorPath(Wm8960Registers.RightOutMix, leftToRight, true);
                SetMonitorPath(Wm8960Registers.LeftOutMix, rightToLeft, true);
                achieved.LeftToRight = CrossAchieved(leftToRight, _inputGainLeft);
                achieved.RightToLeft = CrossAchieved(rightToLeft, _inputGainRight);
            }

            return achieved;
        }

        private static int CrossCode(int requested, int inputGain)
        {
            return requested == GainScale.Muted ? Wm8960Gains.Bypass.MuteCode : Wm8960Gains.Bypass.CodeFor(requested + inputGain);
        }

        private static int CrossAchieved(int code, int inputGain)
        {
            int gain = Wm8960Gains.Bypass.CentiDbFor(code);
            return gain == GainScale.Muted ? GainScale.Muted : gain - inputGain;
        }

        public override DriverStatus ProbeForReset(out bool wasReset)
        {
            wasReset = false;
            return DriverStatus.Unsupported; // write-only: nothing to ask
        }

        // ---- CodecDriver ---------------------------------------------------------------------------

        protected override SequenceStep[] ClockSequence
        {
            get { return _clocksConfigured ? _clockSequence : null; }
        }

        protected override void LoadDefaults()
        {
            _clocksConfigured = false;
            _pllRunning = false;

            // Zero-cross on every analogue volume, with the timeout so silence cannot hold an update back.
            Registers.Cache.Set(Wm8960Registers.AdditionalControl1,
                Registers.Get(Wm8960Registers.AdditionalControl1) | Wm8960Registers.TimeoutFast | Wm8960Registers.TimeoutEnable);
            Registers.Cache.Set(Wm8960Registers.LeftInputVolume, Wm8960Registers.InputZeroCross | Wm8960Gains.PgaZeroDbCode);
            Registers.Cache.Set(Wm8960Registers.RightInputVolume, Wm8960Registers.VolumeUpdate | Wm8960Registers.InputZeroCross | Wm8960Gains.PgaZeroDbCode);
            Registers.Cache.Set(Wm8960Registers.LeftHeadphoneVolume, Wm8960Registers.HeadphoneZeroCross | Wm8960Gains.Headphone.MuteCode);
            Registers.Cache.Set(Wm8960Registers.RightHeadphoneVolume, Wm8960Registers.VolumeUpdate | Wm8960Registers.HeadphoneZeroCross | Wm8960Gains.Headphone.MuteCode);

            // Soft-muted DAC that ramps back up on un-mute, slowly (171 ms full scale at 48 kHz).
            Registers.Cache.Set(Wm8960Registers.DacControl2, Wm8960Registers.DacSoftMuteMode | Wm8960Registers.DacSlowRamp);

            // Input 2 through the PGA's non-inverting input into the boost mixer on both sides (in
            // phase: the monitor adds to playback of the same signal; the reference board wires its
            // jacks there); playback into the output mixers.
            Registers.Cache.Set(Wm8960Registers.LeftInputPath, Wm8960Registers.InputNonInverting2 | Wm8960Registers.PgaToBoost);
            Registers.Cache.Set(Wm8960Registers.RightInputPath, Wm8960Registers.InputNonInverting2 | Wm8960Registers.PgaToBoost);
            Registers.Cache.Set(Wm8960Registers.DacControl1, Wm8960Registers.DacSoftMute);
            Registers.Cache.Update(Wm8960Registers.LeftOutMix, Wm8960Registers.DacToMixer, Wm8960Registers.DacToMixer);
            Registers.Cache.Update(Wm8960Registers.RightOutMix, Wm8960Registers.DacToMixer, Wm8960Registers.DacToMixer);
        }

        /// <summary>
        /// Write-only: whether the chip is live cannot be asked, and a reset (R15) would cut VMID
        /// under the headphone capacitors. Every register the driver manages counts as unknown,
        /// and the blind <see cref="Wm8960Sequences.TakeOver"/> silences and rewrites the chip.
        /// </summary>
        protected override SequenceStep[] BeginTakeOver(long nowMs)
        {
            int[] managed = Wm8960Registers.Managed();
            for (int i = 0; i < managed.Length; i++)
            {
                Registers.Cache.MarkUnknown(managed[i]);
            }

            return Wm8960Sequences.TakeOver; // it stops the PLL (Power2 = 0): _pllRunning stays false
        }

        protected override bool ResetChip()
        {
            // Any value written to R15 resets every register (R15 is a command, not cached).
            return Registers.Port.Write(Wm8960Registers.Reset, 0);
        }

        protected override void OnChipReset()
        {
            // The chip's PLL is off and its outputs down: the clock sequence starts from scratch, and
            // the headphone volume waits at mute for the power-up to open it (nothing to ramp down).
            _pllRunning = false;
            Registers.Cache.Update(Wm8960Registers.LeftHeadphoneVolume, Wm8960Registers.HeadphoneVolumeMask, Wm8960Gains.Headphone.MuteCode);
            Registers.Cache.Update(Wm8960Registers.RightHeadphoneVolume, Wm8960Registers.HeadphoneVolumeMask, Wm8960Gains.Headphone.MuteCode);
            if (_clocksConfigured)
            {
                _clockSequence = _plan.UsePll ? Wm8960Sequences.PllClocks : Wm8960Sequences.DirectClocks;
            }
        }

        protected override DriverStatus PlanClocks(int sampleRate, int mclkHz)
        {
            DriverStatus status = _candidate.Compute(sampleRate, mclkHz);
            if (status != DriverStatus.Ok)
            {
                return status;
            }

            if (!_candidate.UsePll)
            {
                _clockSequence = Wm8960Sequences.DirectClocks;
            }
            else if (_pllRunning && _candidate.SamePll(_plan))
            {
                _clockSequence = Wm8960Sequences.DividersOnly;
            }
            else
            {
                _clockSequence = Wm8960Sequences.PllClocks;
            }

            _plan.CopyFrom(_candidate);
            _clocksConfigured = true;
            return DriverStatus.Ok;
        }

        protected override DriverStatus ApplyFormat(int wordLength, InterfaceFormat format)
        {
            int lengthBits;
            switch (wordLength)
            {
                case 16:
                    lengthBits = Wm8960Registers.WordLength16;
                    break;
                case 20:
                    lengthBits = Wm8960Registers.WordLength20;
                    break;
                case 24:
                    lengthBits = Wm8960Registers.WordLength24;
                    break;
                case 32:
                    lengthBits = Wm8960Registers.WordLength32;
                    break;
                default:
                    return DriverStatus.Unsupported;
            }

            int formatBits;
            switch (format)
            {
                case InterfaceFormat.RightJustified:
                    formatBits = Wm8960Registers.FormatRightJustified;
                    break;
                case InterfaceFormat.LeftJustified:
                    formatBits = Wm8960Registers.FormatLeftJustified;
                    break;
                case InterfaceFormat.I2s:
                    formatBits = Wm8960Registers.FormatI2s;
                    break;
                default:
                    formatBits = Wm8960Registers.FormatDsp;
                    break;
            }

            if (wordLength == 32 && format == InterfaceFormat.RightJustified)
            {
                return DriverStatus.Unsupported; // the datasheet excludes 32-bit right-justified
            }

            // Clock slave: the USB bridge or the ESP32 drives BCLK and LRCLK.
            Update(Wm8960Registers.AudioInterface1, Wm8960Registers.MasterMode | Wm8960Registers.WordLengthMask | Wm8960Registers.FormatMask, lengthBits | formatBits);
            return Status;
        }

        /// <summary>
        /// Playback is the DACs (R26 DACL/DACR), capture the ADCs (R25 ADCL/ADCR), as Linux's DAPM
        /// widgets "Left/Right DAC" and "Left/Right ADC" (sound/soc/codecs/wm8960.c). The boost
        /// mixers, PGAs and output mixers stay: the analogue bypass (the monitor) runs through them.
        /// </summary>
        protected override StepResult ApplyBlockPower(CodecBlocks blocks)
        {
            Update(Wm8960Registers.Power1, Wm8960Registers.Adcs, (blocks & CodecBlocks.Capture) != 0 ? Wm8960Registers.Adcs : 0);
            Update(Wm8960Registers.Power2, Wm8960Registers.Dacs, (blocks & CodecBlocks.Playback) != 0 ? Wm8960Registers.Dacs : 0);
            return Outcome();
        }

        protected override StepResult PerformChipAction(int action, long nowMs)
        {
            switch (action)
            {
                case Wm8960Sequences.DisablePll:
                    Update(Wm8960Registers.Power2, Wm8960Registers.PllEnable, 0);
                    _pllRunning = false;
                    return Outcome();
                case Wm8960Sequences.WritePllFactors:
                    Write(Wm8960Registers.Pll1, _plan.Pll1Value);
                    Write(Wm8960Registers.Pll2, (_plan.PllK >> 16) & 0xFF);
                    Write(Wm8960Registers.Pll3, (_plan.PllK >> 8) & 0xFF);
                    Write(Wm8960Registers.Pll4, _plan.PllK & 0xFF);
                    _pllRunning = true; // enabled by the next step
                    return Outcome();
                case Wm8960Sequences.WriteDividers:
                    Write(Wm8960Registers.Clocking1, _plan.Clocking1Value);
                    return Outcome();
                default:
                    return StepResult.Failed;
            }
        }

        // ---- helpers -------------------------------------------------------------------------------

        private StereoGain SetDigitalPair(GainScale scale, int left, int right, StereoGain requested)
        {
            int leftCode = scale.CodeFor(requested.Left);
            int rightCode = scale.CodeFor(requested.Right);
            WritePair(left, right, leftCode, rightCode, Wm8960Registers.VolumeUpdate);
            return new StereoGain(scale.CentiDbFor(leftCode), scale.CentiDbFor(rightCode));
        }

        // R0/R1 without the latch bit: zero-cross, mute, and the PGA code of the table entry
        // (a muted PGA keeps its code so un-muting returns to it).
        private int InputPgaRegister(int inputCode, int register)
        {
            if (inputCode == Wm8960Gains.InputMuteCode)
            {
                int kept = Registers.Get(register) & Wm8960Registers.InputVolumeMask;
                return Wm8960Registers.InputZeroCross | Wm8960Registers.InputMute | kept;
            }

            return Wm8960Registers.InputZeroCross | Wm8960Gains.PgaCodeOf(inputCode);
        }

        private int CurrentBoost(int pathRegister)
        {
            return (Registers.Get(pathRegister) & Wm8960Registers.MicBoostMask) >> Wm8960Registers.MicBoostShift;
        }

        private static int InputPathBits(InputSource source)
        {
            switch (source)
            {
                case InputSource.Input1:
                    return Wm8960Registers.InputInverting1 | Wm8960Registers.PgaToBoost;
                case InputSource.Input2:
                    return Wm8960Registers.InputNonInverting2 | Wm8960Registers.PgaToBoost;
                case InputSource.Input3:
                    return Wm8960Registers.InputNonInverting3 | Wm8960Registers.PgaToBoost;
                case InputSource.Differential:
                    return Wm8960Registers.InputInverting1 | Wm8960Registers.InputNonInverting2 | Wm8960Registers.PgaToBoost;
                default:
                    return -1;
            }
        }

        private static bool Inverts(InputSource source)
        {
            return source == InputSource.Input1 || source == InputSource.Differential;
        }
    }
}
