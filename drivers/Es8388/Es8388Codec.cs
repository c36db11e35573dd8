using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Es8388
{
    /// <summary>
    /// Everest ES8388 codec driver (Everest ES8388 datasheet, Linux sound/soc/codecs/es8328.c, Espressif esp_codec_dev es8388.c; the AI-Thinker ESP32-A1S Audio
    /// Kit and the LyraT): readable 8-bit registers behind the cache, always an I2S clock slave (it
    /// resets as master), clocks from a 256·fs or 512·fs MCLK or a 12 MHz crystal's USB-mode ratios (no PLL), the DAC's soft
    /// ramp for mute and volume, digital volume pairs that change together through DACLeR/ADCLeR,
    /// the analogue bypass with its cross-feed into both output mixers, and power sequences that
    /// let the headphone coupling capacitors follow VMID before the OUT1 drivers switch on.
    /// </summary>
    /// <remarks>
    /// Routing: each channel's ADC takes IN1, IN2 or the differential input (LINx − RINx, pair 1:
    /// the chip's differential is across the left and right pins, not IN1 − IN2) through the mic
    /// PGA. The monitor (bypass) source follows the selection: IN1 and IN2 go to the mixers
    /// straight from the pins, before the PGA (DACCONTROL16 000/001), so the input gain does not
    /// apply to them; a differential input is monitored from the PGA's output (code 011, the
    /// model's reading of NuttX "PIN"), so there the input gain does apply. Each output mixer
    /// always takes its own DAC (LD2LO, RD2RO) so playback and monitor blend, and the four bypass
    /// paths (left→left, right→left, left→right, right→right) have their own switch and gain.
    /// <para>
    /// Uncertain facts, decided as the emulator's model decides them (its class remarks): OUT1 is
    /// 1.5 dB per code with 0x1E = 0 dB and no mute code; LMIXSEL 011 is the PGA output; VMID
    /// charges whenever VMIDSEL ≠ 00 and a disabled OUT1 is tied to it through VROI while ENREF is
    /// set (the driver keeps ENREF set throughout, unlike esp_codec_dev's 0x12); 0x35/0x37/0x39
    /// (Espressif's "DLL off" writes) are left alone; DACCONTROL21 = 0x80 (one LRCK for ADC and
    /// DAC, as esp_codec_dev and the boards' wiring) is written once at start, before any state
    /// machine runs, so the CHIPPOWER restart esp_codec_dev does after changing it is not needed.
    /// </para>
    /// <para>
    /// OUT1 has no zero-cross latch (<see cref="CodecCapabilities.ZeroCrossVolume"/> is false): the
    /// caller ramps its volume changes. Mute and un-mute (and the power sequences) open and close
    /// OUT1 in one write while no monitor path is open (once the DAC's soft mute has run), and in
    /// 1.5 dB steps, one per tick, when one is. OUT1 has no mute code, so once OUT1 is down at
    /// −45 dB the mute switches the bypass paths out of the mixers (the outputs are silent) and the
    /// un-mute switches them back in before OUT1 opens. A 1.5 dB step of a signal of peak a is a
    /// discontinuity of up to 0.19·a, under the pop detector's click threshold at any phase while the monitor reaches the jack below −32 dBFS.
    /// Above that, on the way down the first step (0.16·a) can click at an unlucky phase: the chip
    /// has nothing finer than 1.5 dB on the analogue path.
    /// </para>
    /// </remarks>
    public sealed class Es8388Codec : CodecDriver
    {
        public const int DefaultAddress = 0x10;

        private readonly Es8388ClockPlan _plan = new Es8388ClockPlan();
        private readonly Es8388ClockPlan _candidate = new Es8388ClockPlan();
        private bool _clocksConfigured;

        // DACMUTE is set while the base soft-mutes the DAC or the caller muted the DAC volume.
        private bool _dacVolumeMuted;

        // The bypass paths the caller switched on (bit i: DACCONTROL17 + i). The chip has them
        // switched on only while the monitor is not cut: cut from start-up until the first
        // un-mute, and again at the end of every mute (OUT1 has no mute code).
        private int _bypassWanted;
        private bool _monitorCut = true;

        public Es8388Codec(II2cBus bus, int address, ILog log)
            : base(new RegisterBank(new ByteRegisterPort(bus, address), Es8388Registers.ResetValues()), Es8388Profile.Profile, log)
        {
        }

        /// <summary>The clocking in use (valid once <see cref="CodecDriver.ConfigureClocks"/> succeeded).</summary>
        public Es8388ClockPlan Clocks
        {
            get { return _plan; }
        }

        // ---- gains and routing ---------------------------------------------------------------------

        /// <summary>IN1, IN2 or differential per channel; the monitor source follows (see the class remarks).</summary>
        public override DriverStatus SelectInputs(InputSource left, InputSource right)
        {
            int leftInput = InputSelectCode(left);
            int rightInput = InputSelectCode(right);
            if (leftInput < 0 || rightInput < 0)
            {
                return DriverStatus.Unsupported;
            }

            Update(Es8388Registers.AdcControl2, Es8388Registers.InputSelectMask,
                (leftInput << Es8388Registers.LeftInputSelectShift) | (rightInput << Es8388Registers.RightInputSelectShift));
            Update(Es8388Registers.DacControl16, Es8388Registers.MixSelectMask, (MixSelectCode(left) << Es8388Registers.LeftMixSelectShift) | MixSelectCode(right));
            return Status;
        }

        /// <summary>The mic PGA: both nibbles of ADCCONTROL1, so both sides change in one write.</summary>
        public override StereoGain SetInputGain(StereoGain requested)
        {
            int left = Es8388Gains.MicPga.CodeFor(requested.Left);
            int right = Es8388Gains.MicPga.CodeFor(requested.Right);
            Update(Es8388Registers.AdcControl1, 0xFF, (left << Es8388Registers.LeftMicPgaShift) | right);
            return new StereoGain(Es8388Gains.MicPga.CentiDbFor(left), Es8388Gains.MicPga.CentiDbFor(right));
        }

        /// <summary>ADC volume (ramped by the chip); muting both sides sets ADCMUTE, one side alone goes to −96 dB.</summary>
        public override StereoGain SetAdcVolume(StereoGain requested)
        {
            int left = Es8388Gains.Adc.CodeFor(requested.Left);
            int right = Es8388Gains.Adc.CodeFor(requested.Right);
            if (left == Es8388Gains.DigitalMuteCode && right == Es8388Gains.DigitalMuteCode)
            {
                Update(Es8388Registers.AdcControl7, Es8388Registers.Mute, Es8388Registers.Mute);
                return StereoGain.Both(GainScale.Muted);
            }

            SetLinkedPair(Es8388Registers.AdcControl7, Es8388Registers.LeftAdcVolume, Es8388Registers.RightAdcVolume, LowestOf(left), LowestOf(right), 0);
            return new StereoGain(Es8388Gains.Adc.CentiDbFor(LowestOf(left)), Es8388Gains.Adc.CentiDbFor(LowestOf(right)));
        }

        /// <summary>
        /// DAC volume, ramped by the chip (0.5 dB per 32 LRCK). Muting both sides sets DACMUTE (it
        /// ramps down, and stays set whatever <see cref="CodecDriver.SetMuted"/> wishes until a
        /// volume is set again); one side alone goes to −96 dB.
        /// </summary>
        public override StereoGain SetDacVolume(StereoGain requested)
        {
            int left = Es8388Gains.Dac.CodeFor(requested.Left);
            int right = Es8388Gains.Dac.CodeFor(requested.Right);
            _dacVolumeMuted = left == Es8388Gains.DigitalMuteCode && right == Es8388Gains.DigitalMuteCode;
            int mute = DacSoftMuted || _dacVolumeMuted ? Es8388Registers.Mute : 0;
            if (_dacVolumeMuted)
            {
                Update(Es8388Registers.DacControl3, Es8388Registers.Mute, mute);
                return StereoGain.Both(GainScale.Muted);
            }

            SetLinkedPair(Es8388Registers.DacControl3, Es8388Registers.LeftDacVolume, Es8388Registers.RightDacVolume, LowestOf(left), LowestOf(right), mute);
            return new StereoGain(Es8388Gains.Dac.CentiDbFor(LowestOf(left)), Es8388Gains.Dac.CentiDbFor(LowestOf(right)));
        }

        /// <summary>The four bypass paths into the output mixers, cross-feed included; off clears the path's switch only.</summary>
        public override MonitorGains SetMonitor(MonitorGains requested)
        {
            int leftToLeft = Es8388Gains.Bypass.CodeFor(requested.LeftToLeft);
            int rightToLeft = Es8388Gains.Bypass.CodeFor(requested.RightToLeft);
            int leftToRight = Es8388Gains.Bypass.CodeFor(requested.LeftToRight);
            int rightToRight = Es8388Gains.Bypass.CodeFor(requested.RightToRight);
            SetBypass(Es8388Registers.DacControl17, leftToLeft);
            SetBypass(Es8388Registers.DacControl18, rightToLeft);
            SetBypass(Es8388Registers.DacControl19, leftToRight);
            SetBypass(Es8388Registers.DacControl20, rightToRight);

            var achieved = new MonitorGains();
            achieved.LeftToLeft = Es8388Gains.Bypass.CentiDbFor(leftToLeft);
            achieved.RightToLeft = Es8388Gains.Bypass.CentiDbFor(rightToLeft);
            achieved.LeftToRight = Es8388Gains.Bypass.CentiDbFor(leftToRight);
            achieved.RightToRight = Es8388Gains.Bypass.CentiDbFor(rightToRight);
            return achieved;
        }

        /// <summary>
        /// Reads MASTERMODE back: the driver made the chip a slave (MSC = 0) at start, the chip resets
        /// to master (0x80), so a value other than the cached one means the registers were lost.
        /// </summary>
        public override DriverStatus ProbeForReset(out bool wasReset)
        {
            return ProbeRegister(Es8388Registers.MasterMode, "MASTERMODE", out wasReset);
        }

        // ---- CodecDriver ---------------------------------------------------------------------------

        protected override SequenceStep[] ClockSequence
        {
            get { return _clocksConfigured ? Es8388Sequences.Clocks : null; }
        }

        protected override void LoadDefaults()
        {
            _clocksConfigured = false;
            _dacVolumeMuted = false;
            _bypassWanted = 0;
            _monitorCut = true;

            RegisterCache cache = Registers.Cache;

            // I2S slave: the ESP32 (or the USB bridge) drives BCLK and LRCK. The chip resets as master.
            cache.Update(Es8388Registers.MasterMode, Es8388Registers.MasterModeMaster, 0);

            // ADC: soft ramp (reset), the left register sets both sides, 0 dB (it resets to −96 dB).
            cache.Update(Es8388Registers.AdcControl7, Es8388Registers.SoftRamp | Es8388Registers.LeftSetsBoth | Es8388Registers.Mute,
                Es8388Registers.SoftRamp | Es8388Registers.LeftSetsBoth);
            cache.Set(Es8388Registers.LeftAdcVolume, 0);

            // DAC: soft-muted, ramping 0.5 dB per 32 LRCK (129 ms full scale at 48 kHz; the reset
            // 4 LRCK takes 16 ms), the left register sets both sides, 0 dB (it resets to −96 dB).
            cache.Update(Es8388Registers.DacControl3,
                Es8388Registers.RampRateMask | Es8388Registers.SoftRamp | Es8388Registers.LeftSetsBoth | Es8388Registers.Mute,
                Es8388Registers.DacRampEvery32Lrck | Es8388Registers.SoftRamp | Es8388Registers.LeftSetsBoth | Es8388Registers.Mute);
            cache.Set(Es8388Registers.LeftDacVolume, 0);

            // Playback into each side's own mixer (the bypass switches stay off until SetMonitor).
            cache.Update(Es8388Registers.DacControl17, Es8388Registers.DacToMixer, Es8388Registers.DacToMixer);
            cache.Update(Es8388Registers.DacControl20, Es8388Registers.DacToMixer, Es8388Registers.DacToMixer);

            // One LRCK for the ADC and the DAC (the boards wire one), before any state machine runs.
            cache.Update(Es8388Registers.DacControl21, Es8388Registers.SharedLrck, Es8388Registers.SharedLrck);
        }

        protected override void SetDacMuteInCache(bool muted)
        {
            Registers.Cache.Update(Es8388Registers.DacControl3, Es8388Registers.Mute, muted || _dacVolumeMuted ? Es8388Registers.Mute : 0);
        }

        /// <summary>
        /// Readable: asks the chip what it holds (CONTROL1 to DACCONTROL30, 0x00–0x34; the
        /// undocumented 0x35–0x39 the driver never writes). OUT1 enabled (DACPOWER) means it may
        /// be playing: the cache takes on what the chip holds and the driver goes down through its
        /// own On → Standby (the DAC's soft mute, OUT1 closed, stepped if a monitor path is open,
        /// the bypass cut, then the power-down). Otherwise (at reset, or left idle) the start
        /// writes only what differs from the driver's defaults.
        /// </summary>
        protected override SequenceStep[] BeginTakeOver(long nowMs)
        {
            var held = new int[Es8388Registers.DacControl30 + 1];
            for (int register = 0; register < held.Length; register++)
            {
                if (!Registers.ReadChip(register, out held[register]))
                {
                    Fail("does not answer a read of register 0x" + register.ToString("X2"));
                    return null;
                }

                Registers.Cache.MarkChipHolds(register, held[register]);
            }

            if ((held[Es8388Registers.DacPower] & Es8388Registers.Out1Enable) == 0)
            {
                return null; // the outputs are off: nothing to be heard
            }

            for (int register = 0; register < held.Length; register++)
            {
                Registers.Cache.Set(register, held[register]);
            }

            _dacVolumeMuted = false;
            _bypassWanted = 0;
            for (int path = 0; path < 4; path++)
            {
                if ((held[Es8388Registers.DacControl17 + path] & Es8388Registers.BypassToMixer) != 0)
                {
                    _bypassWanted |= 1 << path;
                }
            }

            _monitorCut = false;
            AdoptLive(held[Es8388Registers.LeftOut1Volume] & Es8388Registers.Out1VolumeMask, held[Es8388Registers.RightOut1Volume] & Es8388Registers.Out1VolumeMask,
                (held[Es8388Registers.DacControl3] & Es8388Registers.Mute) != 0, nowMs);
            return null;
        }

        /// <summary>The chip's bypass switches are off after its reset: the monitor stays cut until the next un-mute.</summary>
        protected override void OnChipReset()
        {
            _monitorCut = true;
            for (int path = 0; path < 4; path++)
            {
                Registers.Cache.Update(Es8388Registers.DacControl17 + path, Es8388Registers.BypassToMixer, 0);
            }
        }

        /// <summary>SCPRESET set, then cleared (the chip holds in reset until it is): every register is at its default.</summary>
        protected override bool ResetChip()
        {
            int control1 = Registers.Cache.ResetValue(Es8388Registers.Control1);
            return Registers.Port.Write(Es8388Registers.Control1, Es8388Registers.ScpReset | control1)
                && Registers.Port.Write(Es8388Registers.Control1, control1);
        }

        protected override DriverStatus PlanClocks(int sampleRate, int mclkHz)
        {
            DriverStatus status = _candidate.Compute(sampleRate, mclkHz);
            if (status != DriverStatus.Ok)
            {
                return status;
            }

            _plan.CopyFrom(_candidate);
            _clocksConfigured = true;
            return DriverStatus.Ok;
        }

        protected override DriverStatus ApplyFormat(int wordLength, InterfaceFormat format)
        {
            int lengthCode;
            switch (wordLength)
            {
                case 24:
                    lengthCode = Es8388Registers.WordLength24;
                    break;
                case 20:
                    lengthCode = Es8388Registers.WordLength20;
                    break;
                case 18:
                    lengthCode = Es8388Registers.WordLength18;
                    break;
                case 16:
                    lengthCode = Es8388Registers.WordLength16;
                    break;
                case 32:
                    lengthCode = Es8388Registers.WordLength32;
                    break;
                default:
                    return DriverStatus.Unsupported;
            }

            int formatCode;
            switch (format)
            {
                case InterfaceFormat.I2s:
                    formatCode = Es8388Registers.FormatI2s;
                    break;
                case InterfaceFormat.LeftJustified:
                    formatCode = Es8388Registers.FormatLeftJustified;
                    break;
                case InterfaceFormat.RightJustified:
                    formatCode = Es8388Registers.FormatRightJustified;
                    break;
                default:
                    formatCode = Es8388Registers.FormatDsp;
                    break;
            }

            // Clock slave (written at start); the ADC and DAC take the same framing.
            Update(Es8388Registers.AdcControl4, Es8388Registers.AdcFormatMask, (lengthCode << Es8388Registers.AdcWordLengthShift) | formatCode);
            Update(Es8388Registers.DacControl1, Es8388Registers.DacFormatMask,
                (lengthCode << Es8388Registers.DacWordLengthShift) | (formatCode << Es8388Registers.DacFormatShift));
            return Status;
        }

        /// <summary>
        /// Playback is DACPOWER PDNDACL/PDNDACR (Linux's DAPM "Left/Right DAC", sound/soc/codecs/es8328.c)
        /// with the DAC's digital side (CHIPPOWER DAC_DIGPDN, DAC_STM_RST); capture is ADCPOWER
        /// PDNADCL/PDNADCR with ADC_DIGPDN, ADC_STM_RST. The VREFs, the input PGAs and the output
        /// mixers stay: the analogue bypass (the monitor) runs through them.
        /// </summary>
        protected override StepResult ApplyBlockPower(CodecBlocks blocks)
        {
            bool playback = (blocks & CodecBlocks.Playback) != 0;
            bool capture = (blocks & CodecBlocks.Capture) != 0;
            int chipOff = (playback ? 0 : Es8388Registers.ChipPowerDacDigital) | (capture ? 0 : Es8388Registers.ChipPowerAdcDigital);
            if (playback || capture)
            {
                // Up: the digital side first, then the converters; down: the converters first.
                Update(Es8388Registers.ChipPower, Es8388Registers.ChipPowerAdcDigital | Es8388Registers.ChipPowerDacDigital, chipOff);
            }

            Update(Es8388Registers.AdcPower, Es8388Registers.AdcsPowerDown, capture ? 0 : Es8388Registers.AdcsPowerDown);
            Update(Es8388Registers.DacPower, Es8388Registers.DacsPowerDown, playback ? 0 : Es8388Registers.DacsPowerDown);
            Update(Es8388Registers.ChipPower, Es8388Registers.ChipPowerAdcDigital | Es8388Registers.ChipPowerDacDigital, chipOff);
            return Outcome();
        }

        protected override StepResult PerformChipAction(int action, long nowMs)
        {
            switch (action)
            {
                case Es8388Sequences.WriteClocks:
                    Update(Es8388Registers.MasterMode, Es8388Registers.MclkDivideBy2, _plan.MclkDivideBy2 ? Es8388Registers.MclkDivideBy2 : 0);
                    Update(Es8388Registers.AdcControl5, Es8388Registers.FsRatioMask, _plan.RatioCode);
                    Update(Es8388Registers.DacControl2, Es8388Registers.FsRatioMask, _plan.RatioCode);
                    return Outcome();
                case Es8388Sequences.CutMonitor:
                    _monitorCut = true;
                    SwitchBypassPaths();
                    return Outcome();
                case Es8388Sequences.RestoreMonitor:
                    _monitorCut = false;
                    SwitchBypassPaths();
                    return Outcome();
                default:
                    return StepResult.Failed;
            }
        }

        // ---- helpers -------------------------------------------------------------------------------

        /// <summary>
        /// A digital volume pair that changes together: equal sides go in the left register with LeR
        /// set (one write once LeR is set); different sides clear LeR, the right register written
        /// first (ignored while LeR holds) and the left last, all in this call. <paramref name="mute"/>
        /// is the mute bit the control register should hold.
        /// </summary>
        private void SetLinkedPair(int control, int left, int right, int leftCode, int rightCode, int mute)
        {
            if (leftCode == rightCode)
            {
                Update(left, 0xFF, leftCode);
                Update(control, Es8388Registers.LeftSetsBoth | Es8388Registers.Mute, Es8388Registers.LeftSetsBoth | mute);
                return;
            }

            Update(right, 0xFF, rightCode);
            Update(control, Es8388Registers.LeftSetsBoth | Es8388Registers.Mute, mute);
            Update(left, 0xFF, leftCode);
        }

        // A one-sided mute request on a digital volume lands on −96 dB (the mute bit covers both sides).
        private static int LowestOf(int code)
        {
            return code == Es8388Gains.DigitalMuteCode ? Es8388Gains.Adc.MaxCode : code;
        }

        // While the monitor is cut (muted) the gain is set and the switch waits for the un-mute.
        private void SetBypass(int register, int code)
        {
            int path = 1 << (register - Es8388Registers.DacControl17);
            _bypassWanted = code == Es8388Gains.BypassOffCode ? _bypassWanted & ~path : _bypassWanted | path;
            SetMonitorPath(register, code, !_monitorCut);
        }

        // Each bypass switch as the caller wants it, or off while the monitor is cut.
        private void SwitchBypassPaths()
        {
            for (int path = 0; path < 4; path++)
            {
                bool on = !_monitorCut && (_bypassWanted & (1 << path)) != 0;
                Update(Es8388Registers.DacControl17 + path, Es8388Registers.BypassToMixer, on ? Es8388Registers.BypassToMixer : 0);
            }
        }

        private static int InputSelectCode(InputSource source)
        {
            switch (source)
            {
                case InputSource.Input1:
                    return Es8388Registers.InputSelectIn1;
                case InputSource.Input2:
                    return Es8388Registers.InputSelectIn2;
                case InputSource.Differential:
                    return Es8388Registers.InputSelectDifferential;
                default:
                    return -1;
            }
        }

        private static int MixSelectCode(InputSource source)
        {
            switch (source)
            {
                case InputSource.Input2:
                    return Es8388Registers.MixSelectIn2;
                case InputSource.Differential:
                    return Es8388Registers.MixSelectPga;
                default:
                    return Es8388Registers.MixSelectIn1;
            }
        }
    }
}
