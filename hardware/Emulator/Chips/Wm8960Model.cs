using System;
using System.Collections;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// Wolfson/Cirrus WM8960 stereo codec at 0x1A, register-accurate (Cirrus WM8960 datasheet, sound/soc/codecs/wm8960.c):
    /// write-only 2-byte frames (7-bit register, 9-bit data), R15 reset, VU-latched volume pairs with
    /// stored and applied values, zero-cross updates with the TOEN timeout, DAC soft mute with its
    /// DACSMM/DACMR ramps, VMID/VREF bias with settle times, clock consistency (SYSCLK, dividers,
    /// PLL) and power bits gating every stage. The audio path is in Wm8960Audio.cs, the register
    /// and field names in Wm8960ModelRegisters.cs.
    /// </summary>
    /// <remarks>
    /// Settled questions (each is a modelling decision where the datasheet
    /// could not be read here):
    /// <list type="bullet">
    /// <item>R0/R1 reset to 0x097 (0 dB, muted) as the datasheet transcriptions say; Linux's 0x0A7
    /// (+12 dB) contradicts the datasheet field default. <see cref="InputVolumeResetValue"/> can be
    /// changed to test a driver against either.</item>
    /// <item>A frame with more than 2 bytes: the first word is taken, the third byte is not
    /// acknowledged. A read (or the read half of a write-read) is not acknowledged.</item>
    /// <item>Zero-cross timeout: TOCLKSEL 0 = SYSCLK/2^21 (170.7 ms at 12.288 MHz), 1 = SYSCLK/2^19;
    /// a pending update is forced at the second timeout tick after it was made pending (1–2 periods).
    /// With TOEN=0 a pending update waits for a real zero crossing, forever on silence or DC.</item>
    /// <item>DAC soft mute: one 0.5 dB step per 2 samples (DACMR=0) or per 32 samples (DACMR=1);
    /// full scale to mute takes 510 or 8160 samples (10.6 / 170 ms at 48 kHz).</item>
    /// <item>PLL lock: <see cref="PllLockUs"/> after PLL_EN; selecting it (CLKSEL=1) earlier is a
    /// clock glitch. N must be 6…12 (Linux), f2 = 4·2·SYSCLK.</item>
    /// <item>VMID charges its decoupling capacitor through 2×5 kΩ, 2×50 kΩ or 2×250 kΩ:
    /// τ = 12, 120, 600 ms; it discharges with τ = 60 ms when VMIDSEL=00. With SOFT_ST (R28)
    /// set when VMID is switched on it rises instead as an S-curve over 4.6 τ (no corner to hear).
    /// A headphone driver needs VREF: enabled without it, its output is pulled to ground.</item>
    /// <item>Not modelled (reported in <see cref="UnmodelledFeatures"/> when enabled): ALC, noise
    /// gate, 3D, de-emphasis, speaker and OUT3 outputs' audio, jack-detect switching.</item>
    /// </list>
    /// </remarks>
    public sealed partial class Wm8960Model : CodecModel
    {
        public const int DefaultAddress = 0x1A;
        public const int RegisterCount = 56;

        /// <summary>Time from PLL_EN to a locked PLL (model assumption; Linux waits 250 ms before CLKSEL).</summary>
        public const long PllLockUs = 10000;

        /// <summary>SYSCLK tolerance: anything within 0.1 % of 12.288 or 11.2896 MHz counts as right.</summary>
        private const double SysclkTolerance = 0.001;

        /// <summary>Registers that exist (the reserved ones do not).</summary>
        private static readonly bool[] Implemented = BuildImplemented();

        private long _pllEnabledAtUs = -1;
        private double _lastSysclk;
        private double _lastFs;

        public Wm8960Model()
            : this(DefaultAddress)
        {
        }

        public Wm8960Model(int address)
            : this(address, "WM8960")
        {
        }

        /// <param name="name">The name in the bus log and current report (e.g. "WM8960-B" for a second one).</param>
        public Wm8960Model(int address, string name)
            : base(name, address, RegisterCount)
        {
            InputVolumeResetValue = DatasheetInputVolumeReset;
            ResetToDefaults();
        }

        /// <summary>The R0/R1 reset value this model uses (0x097 from the datasheet; 0x0A7 in Linux).</summary>
        public int InputVolumeResetValue { get; set; }

        /// <summary>LINPUT1..3 then RINPUT1..3.</summary>
        public override int InputPinCount
        {
            get { return 6; }
        }

        public override void ResetToDefaults()
        {
            for (int i = 0; i < RegisterCount; i++)
            {
                _registers[i] = ResetValue(i, InputVolumeResetValue);
            }

            _pllEnabledAtUs = -1;
            ResetAudioState();
        }

        // ---- I2C: write-only, one 16-bit word per transaction ------------------------------------

        protected override I2cStatus OnWrite(byte[] data, int offset, int count, long nowUs)
        {
            _nowUs = nowUs;
            if (count < 2)
            {
                ReportProtocolError("incomplete frame of " + count.ToString() + " byte(s) ignored");
                return I2cStatus.Ok;
            }

            int register = data[offset] >> 1;
            int value = ((data[offset] & 1) << 8) | data[offset + 1];
            WriteRegister(register, value, nowUs);
            if (count > 2)
            {
                ReportProtocolError("frame of " + count.ToString() + " bytes: the third byte is not acknowledged");
                return I2cStatus.DataNotAcknowledged;
            }

            return I2cStatus.Ok;
        }

        protected override I2cStatus OnRead(byte[] buffer, int offset, int count, long nowUs)
        {
            ReportProtocolError("read attempted: the WM8960 is write-only");
            return I2cStatus.AddressNotAcknowledged;
        }

        protected override I2cStatus OnWriteForRead(byte[] data, int offset, int count, long nowUs)
        {
            ReportProtocolError("write-read attempted: the WM8960 is write-only");
            return I2cStatus.AddressNotAcknowledged;
        }

        private void WriteRegister(int register, int value, long nowUs)
        {
            if (register >= RegisterCount || !Implemented[register])
            {
                ReportProtocolError("write to reserved register 0x" + register.ToString("X2"));
                if (register < RegisterCount)
                {
                    _registers[register] = value;
                }

                return;
            }

            if (register == RegReset)
            {
                ResetToDefaults();
                CheckClocks(nowUs);
                return;
            }

            int old = _registers[register];
            _registers[register] = value;
            bool changed = old != value;
            bool latched = ApplyLatches(register, value, nowUs);
            if (!changed && !latched)
            {
                CountRedundantWrite();
            }

            switch (register)
            {
                case RegPowerManagement2:
                    bool pllWasOn = (old & Power2PllEnable) != 0;
                    bool pllOn = (value & Power2PllEnable) != 0;
                    if (pllOn && !pllWasOn)
                    {
                        _pllEnabledAtUs = nowUs;
                    }
                    else if (!pllOn)
                    {
                        _pllEnabledAtUs = -1;
                    }

                    break;
                case RegThreeD:
                    NoteUnmodelled((value & ThreeDEnable) != 0, "3D enhancement");
                    break;
                case RegAlc1:
                    NoteUnmodelled((value & Alc1Select) != 0, "ALC");
                    break;
                case RegNoiseGate:
                    NoteUnmodelled((value & NoiseGateEnable) != 0, "noise gate");
                    break;
                case RegAdcDacControl1:
                    NoteUnmodelled((value & AdcDac1Deemphasis) != 0, "de-emphasis");
                    break;
            }

            if (changed)
            {
                CheckClocks(nowUs);
            }
        }

        // ---- field accessors ---------------------------------------------------------------------

        private int RegisterField(int register, int mask)
        {
            return Field(_registers[register], mask);
        }

        /// <summary>VMIDSEL: 0 off, 1 = 2×50 kΩ, 2 = 2×250 kΩ, 3 = 2×5 kΩ.</summary>
        public int VmidSelect
        {
            get { return RegisterField(RegPowerManagement1, Power1VmidSelect); }
        }

        public bool VrefEnabled
        {
            get { return Bit(RegPowerManagement1, Power1Vref); }
        }

        /// <summary>True when the DAC soft mute (DACMU) is set.</summary>
        public bool DacSoftMuted
        {
            get { return Bit(RegAdcDacControl1, AdcDac1DacMute); }
        }

        public bool HeadphoneDriverEnabled(bool left)
        {
            return Bit(RegPowerManagement2, left ? Power2Out1Left : Power2Out1Right);
        }

        // ---- clocks --------------------------------------------------------------------------------

        /// <summary>Whether the PLL is enabled and has had time to lock.</summary>
        public bool PllLocked
        {
            get { return _pllEnabledAtUs >= 0 && _nowUs - _pllEnabledAtUs >= PllLockUs; }
        }

        /// <summary>N.K of the PLL as programmed.</summary>
        public double PllRatio
        {
            get
            {
                int n = RegisterField(RegPll1, Pll1N);
                int k = (RegisterField(RegPll2, PllKByte) << 16) | (RegisterField(RegPll3, PllKByte) << 8) | RegisterField(RegPll4, PllKByte);
                return n + (Bit(RegPll1, Pll1Fractional) ? k / 16777216.0 : 0.0);
            }
        }

        /// <summary>SYSCLK in Hz as the registers and MCLK make it (0 when there is none).</summary>
        public double SysclkHz
        {
            get
            {
                if (Bit(RegPowerManagement1, Power1DigitalDisable) || Clocks.MclkHz <= 0)
                {
                    return 0; // DIGENB: master clock disabled
                }

                double source = Clocks.MclkHz;
                if (Bit(RegClocking1, Clocking1ClockSelect))
                {
                    if (!Bit(RegPowerManagement2, Power2PllEnable))
                    {
                        return 0;
                    }

                    double reference = Bit(RegPll1, Pll1Prescale) ? source / 2 : source;
                    source = reference * PllRatio / 4.0;
                }

                int div = RegisterField(RegClocking1, Clocking1SysclkDiv);
                return div == 0 ? source : div == 2 ? source / 2 : 0;
            }
        }

        /// <summary>Sample rate the DAC runs at: SYSCLK / (DACDIV × 256); 0 without SYSCLK.</summary>
        public override double DacSampleRate
        {
            get { return SampleRateFor(RegisterField(RegClocking1, Clocking1DacDiv)); }
        }

        public double AdcSampleRate
        {
            get { return SampleRateFor(RegisterField(RegClocking1, Clocking1AdcDiv)); }
        }

        /// <summary>The codec is the I2S master (MS=1): it drives LRCLK and BCLK.</summary>
        public override bool IsMaster
        {
            get { return Bit(RegAudioInterface1, AudioInterface1Master); }
        }

        /// <summary>
        /// Null when the clocks are consistent: SYSCLK is 12.288 or 11.2896 MHz, the PLL (if used)
        /// is locked with N in 6…12, and the frame rate matches the external master's LRCLK (or the
        /// codec is the only master). Otherwise, what is wrong.
        /// </summary>
        public override string ClockProblem
        {
            get
            {
                if (Clocks.MclkHz <= 0)
                {
                    return "no MCLK";
                }

                if (Bit(RegPowerManagement1, Power1DigitalDisable))
                {
                    return "master clock disabled (DIGENB)";
                }

                int sysclkDiv = RegisterField(RegClocking1, Clocking1SysclkDiv);
                if (sysclkDiv == 1 || sysclkDiv == 3)
                {
                    return "reserved SYSCLKDIV";
                }

                if (Bit(RegClocking1, Clocking1ClockSelect))
                {
                    if (!Bit(RegPowerManagement2, Power2PllEnable))
                    {
                        return "SYSCLK from the PLL, but the PLL is off";
                    }

                    int n = RegisterField(RegPll1, Pll1N);
                    if (n < 6 || n > 12)
                    {
                        return "PLL N=" + n.ToString() + " outside 6…12";
                    }

                    if (!PllLocked)
                    {
                        return "PLL not locked yet";
                    }
                }

                double sysclk = SysclkHz;
                if (!Near(sysclk, 12288000) && !Near(sysclk, 11289600))
                {
                    return "SYSCLK " + (sysclk / 1000.0).ToString("F1") + " kHz is neither 12288 nor 11289.6 kHz";
                }

                if (IsMaster && Clocks.ExternalLrclkHz > 0)
                {
                    return "two I2S masters: the codec (MS=1) and an external LRCLK";
                }

                double fs = DacSampleRate;
                if (!IsMaster)
                {
                    if (Clocks.ExternalLrclkHz <= 0)
                    {
                        return "slave mode without LRCLK";
                    }

                    if (Math.Abs(Clocks.ExternalLrclkHz - fs) > fs * SysclkTolerance)
                    {
                        return "LRCLK " + Clocks.ExternalLrclkHz.ToString("F0") + " Hz, but SYSCLK/DACDIV gives " + fs.ToString("F0") + " Hz";
                    }
                }

                return null;
            }
        }

        /// <summary>Zero-cross timeout period in µs (0 when TOEN is off or there is no SYSCLK).</summary>
        public long TimeoutPeriodUs
        {
            get
            {
                double sysclk = SysclkHz;
                if (!Bit(RegAdditionalControl1, Additional1TimeoutEnable) || sysclk <= 0)
                {
                    return 0;
                }

                double divider = Bit(RegAdditionalControl1, Additional1TimeoutClock) ? 524288.0 : 2097152.0;
                return (long)(divider / sysclk * 1000000.0);
            }
        }

        private double SampleRateFor(int divCode)
        {
            double sysclk = SysclkHz;
            if (sysclk <= 0)
            {
                return 0;
            }

            double ratio;
            switch (divCode)
            {
                case 0: ratio = 1.0; break;
                case 1: ratio = 1.5; break;
                case 2: ratio = 2.0; break;
                case 3: ratio = 3.0; break;
                case 4: ratio = 4.0; break;
                case 5: ratio = 5.5; break;
                case 6: ratio = 6.0; break;
                default: return 0;
            }

            return sysclk / (ratio * 256.0);
        }

        private static bool Near(double value, double target)
        {
            return Math.Abs(value - target) <= target * SysclkTolerance;
        }

        // A change of SYSCLK or frame rate while an output is audible is a glitch at the outputs.
        protected override void CheckClocks(long nowUs)
        {
            double sysclk = ClocksValid ? SysclkHz : 0;
            double fs = ClocksValid ? DacSampleRate : 0;
            if ((sysclk != _lastSysclk || fs != _lastFs) && OutputsLive)
            {
                string what = "clock changed under live outputs: SYSCLK " + (_lastSysclk / 1000).ToString("F1") + " → "
                    + (sysclk / 1000).ToString("F1") + " kHz, fs " + _lastFs.ToString("F0") + " → " + fs.ToString("F0") + " Hz";
                ReportClockGlitch(nowUs, what);
            }

            _lastSysclk = sysclk;
            _lastFs = fs;
        }

        /// <summary>
        /// True when a headphone output is driven, not muted, and carries the DAC (un-muted) or an
        /// analogue bypass: a clock change now would be heard.
        /// </summary>
        public override bool OutputsLive
        {
            get
            {
                for (int ch = 0; ch < 2; ch++)
                {
                    bool left = ch == 0;
                    if (!HeadphoneDriverEnabled(left) || AppliedHeadphoneCode(left) < OutputVolumeLowestAudible)
                    {
                        continue;
                    }

                    int mix = _registers[left ? RegLeftOutMix : RegRightOutMix];
                    bool dacHeard = (mix & OutMixDac) != 0 && Bit(RegPowerManagement2, left ? Power2DacLeft : Power2DacRight) && _dacRampStep[ch] > 0;
                    bool bypassHeard = (mix & OutMixInput3) != 0 || (_registers[left ? RegLeftBypass : RegRightBypass] & BypassBoost) != 0;
                    if (dacHeard || bypassHeard)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        // ---- current -------------------------------------------------------------------------------

        /// <summary>
        /// Rough supply current from the power bits (datasheet-order figures, not measured). The
        /// digital core is modelled per converter (a model decision: the WM8960 datasheet gives
        /// whole-use-case totals only; Wolfson's per-bit table for the same family, WM8940
        /// datasheet "Estimated supply currents", has the digital filters draw only while a
        /// converter is enabled): 0.5 mA for the clocked core (interface, zero-cross timeout,
        /// clock tree) and 0.75 mA each for the ADC's decimation and the DAC's interpolation
        /// filters, 2.0 mA with both, as the single figure this model used before.
        /// </summary>
        public override double CurrentMilliamps
        {
            get
            {
                if (!Powered)
                {
                    return 0;
                }

                double ma = 0.01;
                int power1 = _registers[RegPowerManagement1];
                int power2 = _registers[RegPowerManagement2];
                int power3 = _registers[RegPowerManagement3];
                ma += VmidSelect == 3 ? 1.0 : VmidSelect == 1 ? 0.3 : VmidSelect == 2 ? 0.05 : 0;
                ma += (power1 & Power1Vref) != 0 ? 0.4 : 0;
                ma += Analog.CountBits(power1 & (Power1AinLeft | Power1AinRight)) * 0.3 + Analog.CountBits(power1 & (Power1AdcLeft | Power1AdcRight)) * 1.5
                    + ((power1 & Power1MicBias) != 0 ? 0.5 : 0);
                ma += Analog.CountBits(power2 & (Power2DacLeft | Power2DacRight)) * 1.2 + Analog.CountBits(power2 & (Power2Out1Left | Power2Out1Right)) * 0.8
                    + Analog.CountBits(power2 & (Power2SpeakerLeft | Power2SpeakerRight)) * 2.0;
                ma += (power2 & Power2PllEnable) != 0 ? 1.5 : 0;
                ma += Analog.CountBits(power3 & (Power3MicLeft | Power3MicRight)) * 0.4 + Analog.CountBits(power3 & (Power3OutMixLeft | Power3OutMixRight)) * 0.3;
                if (ClocksValid)
                {
                    ma += 0.5 + ((power1 & (Power1AdcLeft | Power1AdcRight)) != 0 ? 0.75 : 0) + ((power2 & (Power2DacLeft | Power2DacRight)) != 0 ? 0.75 : 0);
                }

                ma += LoadCurrentMilliamps;
                return ma;
            }
        }

    }
}
