using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// NXP SGTL5000 stereo codec with its DSP block (DAP) at 0x0A, register-accurate (Linux
    /// sound/soc/codecs/sgtl5000.c/.h; the NXP datasheet's register descriptions as the Teensy
    /// Audio library's control_sgtl5000.cpp quotes them; its calcBiquad for the coefficient
    /// format): 16-bit addresses and values, readable, no reset pin and no soft reset, the VAG
    /// ramp, power bits gating every block, the DAC volume with its ramp, zero-cross headphone and
    /// ADC volume, the line-in → headphone bypass, the line out with its own volume, and the DAP
    /// (mixer, up to 7 biquads, AVC). The audio path is in Sgtl5000Audio.cs.
    /// </summary>
    /// <remarks>
    /// Modelling decisions (each rests on the sources named; where they are silent, the choice is said):
    /// <list type="bullet">
    /// <item>Bus: a write is [address high, address low, value high, value low]; a 2-byte write
    /// only sets the address (the write half of a write-read); an address-only write is a probe.
    /// Reads return the addressed register big-endian. Linux (regmap, reg_stride 2) and Teensy use
    /// one register per transaction: longer frames are acknowledged for the first register and
    /// recorded as a protocol error (auto-increment is not modelled). Odd or unknown addresses:
    /// recorded, writes ignored, reads return 0. CHIP_ID (0xA011 here: revision 0x11) and
    /// CHIP_ANA_STATUS are read-only; VOL_BUSY_DAC_LEFT/RIGHT read the DAC ramp's state.</item>
    /// <item>Reset values: Linux sgtl5000_reg_defaults (with DAP_AVC_CTRL = 0x5100, the 2021 fix,
    /// and CHIP_CLK_CTRL = 0x0008 from the older table). The biquads' power-on coefficients are
    /// not documented: they start as pass-through (b0 = 1.0).</item>
    /// <item>VAG (CHIP_REF_CTRL VAG_VAL: 0.8 V + 25 mV·n) needs VAG_POWERUP and REFTOP_POWERUP; it
    /// ramps as a raised cosine over 200 ms, 400 ms with SMALL_POP (datasheet: "~200 to ~400 ms"),
    /// both ways. The headphone and line amplifiers, when powered, sit at VAG (the line out at
    /// LO_VAGCNTRL scaled by VAG's progress); unpowered they float. Analogue signals scale with VAG
    /// (the datasheet: VAG "scales the output swing of the DAC"): a full-scale DAC gives 1.0 FS at
    /// the headphone's 0 dB with VAG at 1.575 V.</item>
    /// <item>Headphone: CHIP_ANA_HP_CTRL 12 − 0.5·code dB; with EN_ZCD_HP a change lands when the
    /// signal crosses zero (no timeout is documented; silence applies it at once). MUTE_HP acts at
    /// once. SELECT_HP feeds the line-in pins to the amplifier instead of the DAC.</item>
    /// <item>ADC: line in (SELECT_ADC) or the mic through its preamp (0/20/30/40 dB) on both
    /// channels; CHIP_ANA_ADC_CTRL 1.5 dB·code, −6 dB with ADC_VOL_M6DB, zero-cross with
    /// EN_ZCD_ADC; full scale at code 0 is 3.12 V p-p (Teensy's measurement), i.e. 1.106 FS; a
    /// DC-blocking high-pass unless ADC_HPF_BYPASS (HPF_FREEZE is noted, not rendered).</item>
    /// <item>DAC volume: 0x3C = 0 dB, 0.5 dB per code (0xF0 = −90 dB; codes up to 0xFB continue
    /// the law), 0xFC and up and DAC_MUTE mute. With VOL_RAMP_EN the level moves one code per
    /// <see cref="DacRampFramesPerCode"/> frames (the sources give no rate: a model decision,
    /// 16 ms from 0 dB to mute at 48 kHz); the linear ramp (VOL_EXPO_RAMP = 0) is rendered the
    /// same way and noted. VOL_BUSY reads set while a side has not reached its target.</item>
    /// <item>Line out: DAC only, 0.5 dB of attenuation per code from the datasheet's nominal code
    /// 15 + 40·log10(VAG/LO_VAGCNTRL), where a full-scale DAC reaches VAG's voltage in peak;
    /// clipped at its bias. MUTE_LO acts at once.</item>
    /// <item>DAP: needs DAP_POWERUP; with DAP_EN clear it passes its input unaltered (a model
    /// decision). Order: the mixer (DAP_MAIN_CHAN × main input + DAP_MIX_CHAN × mix input when
    /// MIX_EN, 0x8000 = 1.0), then the EQ, then the AVC. PEQ (DAP_AUDIO_EQ = 1): DAP_PEQ biquads in
    /// series, one coefficient set for both channels, 20-bit two's complement with 1.0 = 2^18,
    /// y = b0·x + b1·x1 + b2·x2 + a1·y1 + a2·y2 (a1, a2 stored negated, Teensy calcBiquad),
    /// loaded from the MSB (bits 19:4) and LSB (bits 3:0) registers when DAP_FILTER_COEF_ACCESS is
    /// written with WR set; double arithmetic, each section's output saturating at ±1.0 (no
    /// headroom is documented). The filter state is kept across coefficient loads. The DAP runs
    /// at the emulator's 48 kHz whatever SYS_FS says; <see cref="PeqResponseDb"/> gives the
    /// loaded biquads' exact response at the chip's own rate. Graphic EQ and tone (modes 3 and 2):
    /// the band centres are known (115/330/990/3000/9900 Hz, Teensy) but not the filters' shapes:
    /// not rendered (pass-through), reported in <see cref="CodecModel.UnmodelledFeatures"/>, as
    /// are bass enhance and surround.</item>
    /// <item>AVC: the level is the mean of |x| over the integrator response (LBI 0/25/50/100 ms,
    /// 0 taken as 1 ms), compared with DAP_AVC_THRESHOLD / 2^15 (= 0.636 · the sine peak of the
    /// threshold in dB, Linux avc_put_threshold). Above it the gain falls by ATTACK/2^19 per
    /// sample, below it rises by DECAY/2^23 per sample up to MAX_GAIN (0/6/12 dB) (Teensy's
    /// formulas; its comments call attack the rate "gain is increased", which would make the
    /// defaults 32 dB/s of boost and 4 dB/s of reduction: the limiter reading is taken). With
    /// HARD_LIMIT the output also saturates at the threshold's peak.</item>
    /// <item>Clocks: slave needs MCLK = 256/384/512 × SYS_FS and LRCLK = SYS_FS / RATE_MODE
    /// (1, 2, 4, 6); MCLK_FREQ = PLL needs PLL_POWERUP and is recorded as unmodelled.</item>
    /// <item>Stored only (noted when enabled): PLL, capless headphone, short detection, mic bias.</item>
    /// </list>
    /// </remarks>
    public sealed partial class Sgtl5000Model : CodecModel
    {
        public const int DefaultAddress = 0x0A;

        /// <summary>Register file size: addresses 0x0000–0x013A (even).</summary>
        public const int RegisterCount = 0x013C;

        public const int ChipIdValue = 0xA011;

        // ---- register addresses ----
        public const int RegChipId = 0x0000;
        public const int RegDigPower = 0x0002;
        public const int RegClkCtrl = 0x0004;
        public const int RegI2sCtrl = 0x0006;
        public const int RegSssCtrl = 0x000A;
        public const int RegAdcDacCtrl = 0x000E;
        public const int RegDacVol = 0x0010;
        public const int RegPadStrength = 0x0014;
        public const int RegAnaAdcCtrl = 0x0020;
        public const int RegAnaHpCtrl = 0x0022;
        public const int RegAnaCtrl = 0x0024;
        public const int RegLinRegCtrl = 0x0026;
        public const int RegRefCtrl = 0x0028;
        public const int RegMicCtrl = 0x002A;
        public const int RegLineOutCtrl = 0x002C;
        public const int RegLineOutVol = 0x002E;
        public const int RegAnaPower = 0x0030;
        public const int RegPllCtrl = 0x0032;
        public const int RegClkTopCtrl = 0x0034;
        public const int RegAnaStatus = 0x0036;
        public const int RegAnaTest1 = 0x0038;
        public const int RegAnaTest2 = 0x003A;
        public const int RegShortCtrl = 0x003C;
        public const int RegDapControl = 0x0100;
        public const int RegDapPeq = 0x0102;
        public const int RegDapBassEnhance = 0x0104;
        public const int RegDapBassEnhanceCtrl = 0x0106;
        public const int RegDapAudioEq = 0x0108;
        public const int RegDapSurround = 0x010A;
        public const int RegDapCoefAccess = 0x010C;
        public const int RegDapB0Msb = 0x010E;
        public const int RegDapB0Lsb = 0x0110;
        public const int RegDapEqBand0 = 0x0116;
        public const int RegDapEqBand4 = 0x011E;
        public const int RegDapMainChan = 0x0120;
        public const int RegDapMixChan = 0x0122;
        public const int RegDapAvcCtrl = 0x0124;
        public const int RegDapAvcThreshold = 0x0126;
        public const int RegDapAvcAttack = 0x0128;
        public const int RegDapAvcDecay = 0x012A;
        public const int RegDapB1Msb = 0x012C;
        public const int RegDapB1Lsb = 0x012E;
        public const int RegDapB2Msb = 0x0130;
        public const int RegDapB2Lsb = 0x0132;
        public const int RegDapA1Msb = 0x0134;
        public const int RegDapA1Lsb = 0x0136;
        public const int RegDapA2Msb = 0x0138;
        public const int RegDapA2Lsb = 0x013A;

        // ---- fields ----
        public const int DigAdc = 0x0040;
        public const int DigDac = 0x0020;
        public const int DigDap = 0x0010;
        public const int DigI2sOut = 0x0002;
        public const int DigI2sIn = 0x0001;
        public const int ClkRateMode = 0x0030;
        public const int ClkSysFs = 0x000C;
        public const int ClkMclkFreq = 0x0003;
        public const int I2sMaster = 0x0080;
        public const int SssDapMixLrSwap = 0x4000;
        public const int SssDapLrSwap = 0x2000;
        public const int SssDacLrSwap = 0x1000;
        public const int SssI2sOutLrSwap = 0x0400;
        public const int SssDapMixSelect = 0x0300;
        public const int SssDapSelect = 0x00C0;
        public const int SssDacSelect = 0x0030;
        public const int SssI2sOutSelect = 0x0003;
        public const int SourceAdc = 0;
        public const int SourceI2sIn = 1;
        public const int SourceDap = 3;
        public const int AdcDacVolBusyRight = 0x2000;
        public const int AdcDacVolBusyLeft = 0x1000;
        public const int AdcDacVolRamp = 0x0200;
        public const int AdcDacVolExpoRamp = 0x0100;
        public const int AdcDacMuteRight = 0x0008;
        public const int AdcDacMuteLeft = 0x0004;
        public const int AdcDacHpfFreeze = 0x0002;
        public const int AdcDacHpfBypass = 0x0001;
        public const int AnaAdcM6Db = 0x0100;
        public const int AnaAdcVolRight = 0x00F0;
        public const int AnaAdcVolLeft = 0x000F;
        public const int HpVolRight = 0x7F00;
        public const int HpVolLeft = 0x007F;
        public const int AnaMuteLo = 0x0100;
        public const int AnaSelectHp = 0x0040;
        public const int AnaZcdHp = 0x0020;
        public const int AnaMuteHp = 0x0010;
        public const int AnaSelectAdc = 0x0004;
        public const int AnaZcdAdc = 0x0002;
        public const int AnaMuteAdc = 0x0001;
        public const int RefVagVal = 0x01F0;
        public const int RefSmallPop = 0x0001;
        public const int MicBiasResistor = 0x0300;
        public const int MicGain = 0x0003;
        public const int LineOutVagCntrl = 0x003F;
        public const int LoVolRight = 0x1F00;
        public const int LoVolLeft = 0x001F;
        public const int PowerDacStereo = 0x4000;
        public const int PowerPll = 0x0400;
        public const int PowerVag = 0x0080;
        public const int PowerRefTop = 0x0020;
        public const int PowerHeadphone = 0x0010;
        public const int PowerDac = 0x0008;
        public const int PowerCapless = 0x0004;
        public const int PowerAdc = 0x0002;
        public const int PowerLineOut = 0x0001;
        public const int DapMixEnable = 0x0010;
        public const int DapEnable = 0x0001;
        public const int DapPeqCount = 0x0007;
        public const int DapAudioEqMode = 0x0003;
        public const int CoefWrite = 0x0100;
        public const int CoefIndex = 0x00FF;
        public const int AvcMaxGain = 0x3000;
        public const int AvcLbi = 0x0300;
        public const int AvcHardLimit = 0x0020;
        public const int AvcEnable = 0x0001;
        public const int BassEnhanceEnable = 0x0001;
        public const int SurroundSelect = 0x0003;

        /// <summary>Frames per DAC volume code while the volume ramps (a model decision: see the remarks).</summary>
        public const int DacRampFramesPerCode = 4;

        /// <summary>DAC volume code meaning "silent" (0xFC and above mute).</summary>
        public const int DacSilentCode = 0xFC;

        private int _pointer;

        public Sgtl5000Model()
            : this(DefaultAddress, "SGTL5000")
        {
        }

        /// <param name="name">The name in the bus log and current report.</param>
        public Sgtl5000Model(int address, string name)
            : base(name, address, RegisterCount)
        {
            ResetToDefaults();
        }

        /// <summary>LINEIN_L, LINEIN_R, MIC_IN.</summary>
        public override int InputPinCount
        {
            get { return 3; }
        }

        public override void ResetToDefaults()
        {
            Array.Clear(_registers, 0, RegisterCount);
            _registers[RegChipId] = ChipIdValue;
            _registers[RegClkCtrl] = 0x0008;
            _registers[RegI2sCtrl] = 0x0010;
            _registers[RegSssCtrl] = 0x0010;
            _registers[RegAdcDacCtrl] = 0x020C;
            _registers[RegDacVol] = 0x3C3C;
            _registers[RegPadStrength] = 0x015F;
            _registers[RegAnaHpCtrl] = 0x1818;
            _registers[RegAnaCtrl] = 0x0111;
            _registers[RegLineOutVol] = 0x0404;
            _registers[RegAnaPower] = 0x7060;
            _registers[RegPllCtrl] = 0x5000;
            _registers[RegDapBassEnhance] = 0x0040;
            _registers[RegDapBassEnhanceCtrl] = 0x051F;
            _registers[RegDapSurround] = 0x0040;
            for (int band = RegDapEqBand0; band <= RegDapEqBand4; band += 2)
            {
                _registers[band] = 0x002F;
            }

            _registers[RegDapMainChan] = 0x8000;
            _registers[RegDapAvcCtrl] = 0x5100;
            _registers[RegDapAvcThreshold] = 0x1473;
            _registers[RegDapAvcAttack] = 0x0028;
            _registers[RegDapAvcDecay] = 0x0050;
            _pointer = 0;
            ResetAudioState();
        }

        /// <summary>True for an address the chip has (Linux sgtl5000_readable, plus the DAP coefficient and band registers).</summary>
        public static bool Exists(int address)
        {
            if ((address & 1) != 0 || address < 0 || address >= RegisterCount)
            {
                return false;
            }

            if (address >= RegDapControl)
            {
                return address <= RegDapA2Lsb && address != 0x0112 && address != 0x0114;
            }

            switch (address)
            {
                case 0x0008:
                case 0x000C:
                case 0x0012:
                case 0x0016:
                case 0x0018:
                case 0x001A:
                case 0x001C:
                case 0x001E:
                    return false;
                default:
                    return address <= RegShortCtrl;
            }
        }

        // ---- I2C: 16-bit address, 16-bit big-endian data, readable, one register per transaction ----

        protected override I2cStatus OnWrite(byte[] data, int offset, int count, long nowUs)
        {
            _nowUs = nowUs;
            if (count == 0)
            {
                return I2cStatus.Ok; // address-only probe
            }

            if (count == 1)
            {
                ReportProtocolError("1-byte write: a register address has two bytes");
                return I2cStatus.DataNotAcknowledged;
            }

            _pointer = (data[offset] << 8) | data[offset + 1];
            if (count == 2)
            {
                return I2cStatus.Ok; // address only, for a following read
            }

            if (count == 3)
            {
                ReportProtocolError("3-byte write to 0x" + _pointer.ToString("X4") + ": a value has two bytes; ignored");
                return I2cStatus.Ok;
            }

            WriteRegister(_pointer, (data[offset + 2] << 8) | data[offset + 3], nowUs);
            if (count > 4)
            {
                ReportProtocolError("write of " + ((count - 2) / 2).ToString() + " values to 0x" + _pointer.ToString("X4") + ": auto-increment is not modelled");
            }

            return I2cStatus.Ok;
        }

        protected override I2cStatus OnRead(byte[] buffer, int offset, int count, long nowUs)
        {
            _nowUs = nowUs;
            int value = 0;
            if (Exists(_pointer))
            {
                value = _registers[_pointer];
                if (_pointer == RegAdcDacCtrl)
                {
                    value = (value & ~(AdcDacVolBusyLeft | AdcDacVolBusyRight)) | VolumeBusyBits();
                }
            }
            else
            {
                ReportProtocolError("read of nonexistent register 0x" + _pointer.ToString("X4"));
            }

            if (count != 2)
            {
                ReportProtocolError("read of " + count.ToString() + " bytes from 0x" + _pointer.ToString("X4") + ": a register has two");
            }

            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)(i % 2 == 0 ? value >> 8 : value);
            }

            return I2cStatus.Ok;
        }

        private void WriteRegister(int register, int value, long nowUs)
        {
            if (!Exists(register))
            {
                ReportProtocolError("write of 0x" + value.ToString("X4") + " to nonexistent register 0x" + register.ToString("X4") + " ignored");
                return;
            }

            if (register == RegChipId || register == RegAnaStatus)
            {
                ReportProtocolError("write to read-only register 0x" + register.ToString("X4") + " ignored");
                return;
            }

            if (register == RegAdcDacCtrl)
            {
                value &= ~(AdcDacVolBusyLeft | AdcDacVolBusyRight); // status bits
            }

            int old = _registers[register];
            _registers[register] = value;
            if (register == RegDapCoefAccess && (value & CoefWrite) != 0)
            {
                LoadCoefficients(value & CoefIndex);
                return; // a command: never redundant
            }

            if (old == value)
            {
                CountRedundantWrite();
                return;
            }

            NoteFeatures(register, value);
            CheckClocks(nowUs);
        }

        private void NoteFeatures(int register, int value)
        {
            switch (register)
            {
                case RegDapAudioEq:
                    NoteUnmodelled((value & DapAudioEqMode) == 2, "DAP tone control (bass/treble: filter shapes not in the sources)");
                    NoteUnmodelled((value & DapAudioEqMode) == 3, "DAP 5-band graphic EQ (filter shapes not in the sources)");
                    break;
                case RegDapBassEnhance:
                    NoteUnmodelled((value & BassEnhanceEnable) != 0, "DAP bass enhance");
                    break;
                case RegDapSurround:
                    NoteUnmodelled((value & SurroundSelect) >= 2, "DAP surround");
                    break;
                case RegClkCtrl:
                    NoteUnmodelled((value & ClkMclkFreq) == 3, "PLL clocking");
                    break;
                case RegAnaPower:
                    NoteUnmodelled((value & PowerCapless) != 0, "capless headphone (HP_VGND)");
                    break;
                case RegAdcDacCtrl:
                    NoteUnmodelled((value & AdcDacHpfFreeze) != 0, "ADC HPF freeze");
                    NoteUnmodelled((value & AdcDacVolRamp) != 0 && (value & AdcDacVolExpoRamp) == 0, "linear DAC volume ramp (rendered as the exponential one)");
                    break;
            }
        }

        // ---- power and fields -------------------------------------------------------------------------

        /// <summary>VAG_VAL in volts: 0.8 V + 25 mV per code.</summary>
        public double VagVolts
        {
            get { return 0.8 + 0.025 * Field(_registers[RegRefCtrl], RefVagVal); }
        }

        /// <summary>LO_VAGCNTRL in volts: 0.8 V + 25 mV per code.</summary>
        public double LineOutVagVolts
        {
            get { return 0.8 + 0.025 * (_registers[RegLineOutCtrl] & LineOutVagCntrl); }
        }

        /// <summary>VAG's ramp time: ~200 ms, ~400 ms with SMALL_POP (datasheet).</summary>
        public double VagRampSeconds
        {
            get { return Bit(RegRefCtrl, RefSmallPop) ? 0.4 : 0.2; }
        }

        protected override double VmidTarget
        {
            get { return Powered && Bit(RegAnaPower, PowerVag) && Bit(RegAnaPower, PowerRefTop) ? VagVolts / 1.41 : 0; }
        }

        public override bool IsMaster
        {
            get { return Bit(RegI2sCtrl, I2sMaster); }
        }

        /// <summary>SYS_FS in Hz.</summary>
        public int SystemRate
        {
            get
            {
                switch (Field(_registers[RegClkCtrl], ClkSysFs))
                {
                    case 0: return 32000;
                    case 1: return 44100;
                    case 2: return 48000;
                    default: return 96000;
                }
            }
        }

        /// <summary>The frame rate: SYS_FS / RATE_MODE (1, 2, 4, 6) when the clocks are valid, else 0.</summary>
        public override double DacSampleRate
        {
            get { return ClockProblem == null ? FrameRate : 0; }
        }

        private double FrameRate
        {
            get
            {
                int mode = Field(_registers[RegClkCtrl], ClkRateMode);
                int divide = mode == 0 ? 1 : mode == 1 ? 2 : mode == 2 ? 4 : 6;
                return SystemRate / (double)divide;
            }
        }

        public override string ClockProblem
        {
            get
            {
                if (Clocks.MclkHz <= 0)
                {
                    return "no MCLK";
                }

                if (IsMaster && Clocks.ExternalLrclkHz > 0)
                {
                    return "two I2S masters: the codec (MS=1) and an external LRCLK";
                }

                if (!IsMaster && Clocks.ExternalLrclkHz <= 0)
                {
                    return "slave mode without LRCLK";
                }

                int mclkFreq = _registers[RegClkCtrl] & ClkMclkFreq;
                if (mclkFreq == 3)
                {
                    return Bit(RegAnaPower, PowerPll) ? null : "MCLK_FREQ selects the PLL, which is powered down";
                }

                int ratio = mclkFreq == 0 ? 256 : mclkFreq == 1 ? 384 : 512;
                double wanted = ratio * (double)SystemRate;
                if (!NearRate(Clocks.MclkHz, wanted))
                {
                    return "MCLK " + Clocks.MclkHz.ToString("F0") + " Hz, but MCLK_FREQ and SYS_FS want " + wanted.ToString("F0") + " Hz";
                }

                if (!IsMaster && !NearRate(Clocks.ExternalLrclkHz, FrameRate))
                {
                    return "LRCLK " + Clocks.ExternalLrclkHz.ToString("F0") + " Hz, but CHIP_CLK_CTRL gives " + FrameRate.ToString("F0") + " Hz";
                }

                return null;
            }
        }

        protected override void CheckClocks(long nowUs)
        {
            CheckDacRate(nowUs, DacSampleRate);
        }

        /// <summary>The DAC path is running: digital and analogue DAC powered, valid clocks, VAG up.</summary>
        public bool DacRunning
        {
            get { return Powered && Bit(RegDigPower, DigDac) && Bit(RegAnaPower, PowerDac) && ClockProblem == null; }
        }

        /// <summary>True when the headphone or the line out carries something audible.</summary>
        public override bool OutputsLive
        {
            get
            {
                if (!Powered)
                {
                    return false;
                }

                bool dacHeard = DacRunning && (_dacLevel[0] < DacSilentCode || _dacLevel[1] < DacSilentCode);
                bool headphone = Bit(RegAnaPower, PowerHeadphone) && !Bit(RegAnaCtrl, AnaMuteHp) && (Bit(RegAnaCtrl, AnaSelectHp) || dacHeard);
                bool lineOut = Bit(RegAnaPower, PowerLineOut) && !Bit(RegAnaCtrl, AnaMuteLo) && dacHeard;
                return headphone || lineOut;
            }
        }

        /// <summary>Rough supply current from the power bits (order-of-magnitude figures, not measured).</summary>
        public override double CurrentMilliamps
        {
            get
            {
                if (!Powered)
                {
                    return 0;
                }

                int power = _registers[RegAnaPower];
                int digital = _registers[RegDigPower];
                double ma = 0.05;
                ma += (power & PowerRefTop) != 0 ? 0.3 : 0;
                ma += (power & PowerVag) != 0 ? 0.3 : 0;
                ma += (power & PowerHeadphone) != 0 ? 1.5 : 0;
                ma += (power & PowerLineOut) != 0 ? 0.5 : 0;
                ma += (power & PowerDac) != 0 ? 1.5 : 0;
                ma += (power & PowerAdc) != 0 ? 1.5 : 0;
                ma += (power & 0x3000) != 0 ? 0.5 : 0; // start-up regulators
                if (Clocks.MclkHz > 0)
                {
                    ma += Analog.CountBits(digital & (DigAdc | DigDac | DigDap)) * 1.0;
                    ma += Analog.CountBits(digital & (DigI2sIn | DigI2sOut)) * 0.1; // the I2S ports: a model decision, small beside the filters

                }

                return ma + LoadCurrentMilliamps;
            }
        }
    }
}
