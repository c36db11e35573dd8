using System;
using System.Collections;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// Everest ES8388 stereo codec (ESP32-LyraT, AI-Thinker ESP32-A1S Audio Kit) at 0x10,
    /// register-accurate (sound/soc/codecs/es8328.c, the NuttX es8388 driver, esp_codec_dev): readable
    /// 8-bit registers 0x00–0x34 plus the undocumented 0x35/0x37/0x39, the NuttX power-up defaults,
    /// I2S master at reset, SCPRESET, MCLK/ratio clocking, power bits gating every stage, a VMID with
    /// settle times, DAC/ADC digital volume with soft ramps and mute, and the output mixers with the
    /// analogue bypass and its cross-feed. The audio path is in Es8388Audio.cs, the register and
    /// field names in Es8388ModelRegisters.cs.
    /// </summary>
    /// <remarks>
    /// Modelling decisions (no ES8388 datasheet text was available; each rests on the sources named):
    /// <list type="bullet">
    /// <item>Bus: a write is [register, value]. A 1-byte write only sets the register pointer (the
    /// write half of a write-read); an address-only write is a probe and does nothing. More than one
    /// data byte: the first is written, the next byte is not acknowledged and a protocol error is
    /// recorded (no source documents auto-increment; Linux uses single-register access). A read of
    /// more than one byte returns the same register repeated and records a protocol error. Registers
    /// outside 0x00–0x34/0x35/0x37/0x39: the write is acknowledged, ignored and recorded as a
    /// protocol error; a read returns 0x00 and is recorded.</item>
    /// <item>LOUT1VOL/ROUT1VOL (0x2E/0x2F): <see cref="Out1StepDb"/> = 1.5 dB per step, 0x00 = −45 dB
    /// (not mute), 0x1E = 0 dB, 0x21 = +4.5 dB; codes above 0x21 are clamped to +4.5 dB. Sources:
    /// NuttX <c>ES8388_DAC_CHVOL_DB(v) = 2v/3 + 30</c> and datasheet-derived drivers
    /// Linux es8328 and esp_codec_dev say 1 dB/step; all agree 0x1E = 0 dB.</item>
    /// <item>LOUT2/ROUT2 (speaker outputs, 0x30/0x31 and DACPOWER bits 3:2) are stored only: the
    /// speaker path is not rendered (noted in <see cref="UnmodelledFeatures"/> when enabled).</item>
    /// <item>SCPRESET (CONTROL1 bit 7): writing it puts every register back to its default and holds
    /// the chip in reset until CONTROL1 is written with bit 7 clear (Linux writes 0x80 then 0x00).
    /// While held, writes to other registers are ignored (protocol error) and the audio path is off.
    /// The VMID capacitor keeps its charge.</item>
    /// <item>Mic PGA (ADCCONTROL1): 0–8 = 0…+24 dB in 3 dB steps; codes 9–15 (esp_codec_dev writes
    /// 0xBB) are clamped to +24 dB.</item>
    /// <item>ADC/DAC digital volume: 0x00 = 0 dB, 0.5 dB attenuation per step, 0xC0 = −96 dB; codes
    /// above 0xC0 are treated as −96 dB. Mute and, with soft ramp on, volume changes move 0.5 dB per
    /// N LRCK (DAC: 4/32/64/128, ADC: 4/8/16/32 per the ramp-rate field); a mute ramps to −96 dB and
    /// then one more step to silence, so muting from a volume code c takes (193 − c)·N LRCK
    /// (<see cref="RampSilentLevel"/>). Soft ramp off: changes are immediate. While a converter is
    /// powered down or has no valid clock its ramp sits at silence, so an un-muted converter ramps
    /// up from silence when it starts (with soft ramp on).</item>
    /// <item>ADCCONTROL2 LINSEL/RINSEL: 00 IN1, 01 IN2, 10 reserved (silence), 11 differential. The
    /// differential input is LINx − RINx (NuttX/esp_codec_dev name it "LINPUT1-RINPUT1"): with
    /// DSSEL=0 both channels use DS (ADCCONTROL3 bit 7: 0 = LIN1−RIN1, 1 = LIN2−RIN2); with DSSEL=1
    /// the left uses DS and the right DSR (ADCCONTROL2 bit 2).</item>
    /// <item>DACCONTROL16 LMIXSEL/RMIXSEL: 000 IN1, 001 IN2, 011 the mic PGA output ("PIN", NuttX);
    /// 010 and 100–111 render silence and are noted as unmodelled (Linux and NuttX disagree).</item>
    /// <item>Mixer gains (DACCONTROL17–20 bits 5:3): 000 = +6 dB … 111 = −15 dB in 3 dB steps (Q16);
    /// the DAC inputs of the mixers are 0 dB.</item>
    /// <item>Power: the analogue section needs CONTROL2 PDNANA=0 and PDNIBIASGEN=0. VMID is a
    /// resistor string and charges whenever VMIDSEL≠00 (Linux charges it with CONTROL2 still at
    /// reset): τ = 12 / 120 / 1200 ms for 5 kΩ / 50 kΩ / 500 kΩ, discharge τ = 60 ms. ENREF is not
    /// required for audio (esp_codec_dev runs with CONTROL1 = 0x12, ENREF=0). DAC: CHIPPOWER
    /// DAC_DIGPDN, DAC_STM_RST and DACVREF_PDN clear, DACPOWER PDNDACx clear, valid clocks. ADC:
    /// ADC_DIGPDN, ADC_STM_RST, ADCVREF_PDN clear, ADCPOWER PDNADCx and PDNADCBIASGEN clear, valid
    /// clocks. Input PGA: ADCPOWER PDNAINx clear. The DLL bits and the low-power bits are stored only.
    /// A disabled OUT1 pin is tied to VMID through VROI (1.5 kΩ, or 40 kΩ with DACCONTROL23 bit 4)
    /// while VMIDSEL≠00 and ENREF or the DAC VREF is up; otherwise it floats.</item>
    /// <item>Clocks: fs = MCLK (÷2 with MCLKDIV2) / ratio, ratio from the FsRatio fields per the NuttX
    /// <c>es8388_lclk_div_t</c> table (2 = 256); the other codes are reserved. The boards wire one
    /// LRCK: in slave mode it must match the DAC rate, and the ADC (when powered) must run at the
    /// same frame rate. FsMode (double speed) is only noted: audio is rendered at 48 kHz.</item>
    /// <item>Not rendered (noted in <see cref="UnmodelledFeatures"/> when enabled): ALC, noise gate,
    /// de-emphasis, stereo enhancement, VPP scale, ZEROL/ZEROR, DATSEL, ADC mono mix, the shelving
    /// filter (0x1E–0x25, stored), speaker outputs. Volume changes of OUT1 apply at once.</item>
    /// </list>
    /// </remarks>
    public sealed partial class Es8388Model : CodecModel
    {
        public const int DefaultAddress = 0x10;

        /// <summary>Size of the register file: 0x00–0x39 (0x36 and 0x38 do not exist).</summary>
        public const int RegisterCount = 0x3A;

        /// <summary>LOUT1VOL/ROUT1VOL step in dB (a modelling decision: see the class remarks).</summary>
        public const double Out1StepDb = 1.5;

        /// <summary>LOUT1VOL/ROUT1VOL code for 0 dB (all sources agree).</summary>
        public const int Out1ZeroDbCode = 0x1E;

        /// <summary>Highest LOUT1VOL/ROUT1VOL code with its own gain (+4.5 dB); higher codes clamp to it.</summary>
        public const int Out1MaxCode = 0x21;

        /// <summary>Digital volume codes at and above this one are −96 dB.</summary>
        public const int DigitalVolumeMinCode = 0xC0;

        /// <summary>Ramp level meaning "silent": one 0.5 dB step beyond −96 dB (code 0xC0 = 192).</summary>
        public const int RampSilentLevel = 193;

        /// <summary>VROI = 0: a disabled output is tied to VMID through 1.5 kΩ.</summary>
        public const double TieOffOhms = 1500.0;

        /// <summary>VROI = 1: 40 kΩ.</summary>
        public const double TieOffHighOhms = 40000.0;

        private int _pointer;

        public Es8388Model()
            : this(DefaultAddress)
        {
        }

        public Es8388Model(int address)
            : this(address, "ES8388")
        {
        }

        /// <param name="name">The name in the bus log and current report.</param>
        public Es8388Model(int address, string name)
            : base(name, address, RegisterCount)
        {
            ResetToDefaults();
        }

        /// <summary>LIN1, LIN2, RIN1, RIN2.</summary>
        public override int InputPinCount
        {
            get { return 4; }
        }

        public override void ResetToDefaults()
        {
            for (int i = 0; i < RegisterCount; i++)
            {
                _registers[i] = ResetValue(i);
            }

            _pointer = 0;
            ResetAudioState();
        }

        // ---- I2C: 8-bit register pointer, 8-bit data, readable, no auto-increment -------------------

        protected override I2cStatus OnWrite(byte[] data, int offset, int count, long nowUs)
        {
            _nowUs = nowUs;
            if (count == 0)
            {
                return I2cStatus.Ok; // address-only probe
            }

            _pointer = data[offset];
            if (count == 1)
            {
                return I2cStatus.Ok; // pointer only, for a following read
            }

            WriteRegister(_pointer, data[offset + 1], nowUs);
            if (count > 2)
            {
                ReportProtocolError("write of " + (count - 1).ToString() + " data bytes to 0x" + _pointer.ToString("X2")
                    + ": no auto-increment, the second data byte is not acknowledged");
                return I2cStatus.DataNotAcknowledged;
            }

            return I2cStatus.Ok;
        }

        protected override I2cStatus OnRead(byte[] buffer, int offset, int count, long nowUs)
        {
            _nowUs = nowUs;
            int value;
            if (Exists(_pointer))
            {
                value = _registers[_pointer];
            }
            else
            {
                ReportProtocolError("read of nonexistent register 0x" + _pointer.ToString("X2"));
                value = 0;
            }

            if (count > 1)
            {
                ReportProtocolError("read of " + count.ToString() + " bytes from 0x" + _pointer.ToString("X2")
                    + ": no auto-increment, the register is repeated");
            }

            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)value;
            }

            return I2cStatus.Ok;
        }

        private void WriteRegister(int register, int value, long nowUs)
        {
            if (!Exists(register))
            {
                ReportProtocolError("write of 0x" + value.ToString("X2") + " to nonexistent register 0x" + register.ToString("X2") + " ignored");
                return;
            }

            if (HeldInReset && register != RegControl1)
            {
                ReportProtocolError("write to 0x" + register.ToString("X2") + " while SCPRESET holds the chip in reset: ignored");
                return;
            }

            int old = _registers[register];
            if (register == RegControl1 && (value & Control1ScpReset) != 0)
            {
                bool wasHeld = HeldInReset;
                ResetToDefaults();
                _registers[RegControl1] = value;
                if (wasHeld && old == value)
                {
                    CountRedundantWrite();
                }

                CheckClocks(nowUs);
                return;
            }

            _registers[register] = value;
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
                case RegAdcControl10:
                    NoteUnmodelled((value & AdcControl10AlcSel) != 0, "ALC");
                    break;
                case RegAdcControl14:
                    NoteUnmodelled((value & AdcControl14NoiseGate) != 0, "noise gate");
                    break;
                case RegDacControl6:
                    NoteUnmodelled((value & DacControl6Deemphasis) != 0, "de-emphasis");
                    break;
                case RegDacControl7:
                    NoteUnmodelled((value & DacControl7StereoEnhance) != 0, "stereo enhancement (SE)");
                    NoteUnmodelled((value & DacControl7Vpp) != 0, "VPP scale");
                    NoteUnmodelled((value & DacControl7Zero) != 0, "ZEROL/ZEROR");
                    break;
                case RegAdcControl3:
                    NoteUnmodelled((value & AdcControl3MonoMix) != 0, "ADC mono mix");
                    break;
                case RegAdcControl4:
                    NoteUnmodelled((value & AdcControl4DatSel) != 0, "DATSEL");
                    break;
                case RegAdcControl2:
                    NoteUnmodelled(Field(value, AdcControl2LinSel) == InputSelectReserved || Field(value, AdcControl2RinSel) == InputSelectReserved, "reserved LINSEL/RINSEL 10 (silence)");
                    break;
                case RegAdcControl5:
                case RegDacControl2:
                    NoteUnmodelled((value & FsDoubleSpeed) != 0, "double-speed mode (rendered at 48 kHz)");
                    break;
                case RegDacControl16:
                    NoteUnmodelled(!KnownMixSelect(Field(value, DacControl16LMixSel)) || !KnownMixSelect(Field(value, DacControl16RMixSel)), "reserved LMIXSEL/RMIXSEL code (silence)");
                    break;
                case RegDacPower:
                    NoteUnmodelled((value & DacPowerOut2) != 0, "speaker outputs LOUT2/ROUT2");
                    break;
            }
        }

        private static bool KnownMixSelect(int code)
        {
            return code == MixSelectIn1 || code == MixSelectIn2 || code == MixSelectPga;
        }

        // ---- fields --------------------------------------------------------------------------------

        /// <summary>SCPRESET is set: every register is at its default and the chip does nothing until it is cleared.</summary>
        public bool HeldInReset
        {
            get { return Bit(RegControl1, Control1ScpReset); }
        }

        /// <summary>VMIDSEL: 0 off, 1 = 50 kΩ, 2 = 500 kΩ, 3 = 5 kΩ.</summary>
        public int VmidSelect
        {
            get { return Field(_registers[RegControl1], Control1VmidSelect); }
        }

        /// <summary>The analogue section is biased: powered, not in reset, CONTROL2 PDNANA=0 and PDNIBIASGEN=0.</summary>
        public bool AnalogueOn
        {
            get { return Powered && !HeldInReset && (_registers[RegControl2] & (Control2AnalogOff | Control2BiasGenOff)) == 0; }
        }

        /// <summary>The codec is the I2S master (MSC=1): it drives LRCK and BCLK.</summary>
        public override bool IsMaster
        {
            get { return Bit(RegMasterMode, MasterModeMaster); }
        }

        /// <summary>The OUT1 (headphone) driver of a side is enabled (DACPOWER LOUT1/ROUT1) and biased.</summary>
        public bool Out1Enabled(bool left)
        {
            return AnalogueOn && Bit(RegDacPower, left ? DacPowerLout1 : DacPowerRout1);
        }

        // ---- clocks --------------------------------------------------------------------------------

        /// <summary>MCLK/LRCK ratio of an FsRatio code (NuttX es8388_lclk_div_t); 0 for a reserved code.</summary>
        public static int FsRatio(int code)
        {
            switch (code)
            {
                case 0: return 128;
                case 1: return 192;
                case 2: return 256;
                case 3: return 384;
                case 4: return 512;
                case 5: return 576;
                case 6: return 768;
                case 7: return 1024;
                case 8: return 1152;
                case 9: return 1408;
                case 10: return 1536;
                case 11: return 2112;
                case 12: return 2304;
                case 16: return 125;
                case 17: return 136;
                case 18: return 250;
                case 19: return 272;
                case 20: return 375;
                case 21: return 500;
                case 22: return 544;
                case 23: return 750;
                case 24: return 1000;
                case 25: return 1088;
                case 26: return 1496;
                case 27: return 1500;
                default: return 0;
            }
        }

        /// <summary>MCLK as the converters see it (÷2 with MCLKDIV2); 0 when there is none.</summary>
        public double InternalMclkHz
        {
            get
            {
                if (Clocks.MclkHz <= 0 || Bit(RegDacControl21, DacControl21MclkDisable))
                {
                    return 0;
                }

                return Bit(RegMasterMode, MasterModeMclkDiv2) ? Clocks.MclkHz / 2 : Clocks.MclkHz;
            }
        }

        /// <summary>The DAC's frame rate: MCLK / DACFsRatio (0 without MCLK or with a reserved ratio).</summary>
        public override double DacSampleRate
        {
            get { return RateFor(_registers[RegDacControl2] & FsRatioCode); }
        }

        /// <summary>The ADC's frame rate: MCLK / ADCFsRatio.</summary>
        public double AdcSampleRate
        {
            get { return RateFor(_registers[RegAdcControl5] & FsRatioCode); }
        }

        private double RateFor(int code)
        {
            double mclk = InternalMclkHz;
            int ratio = FsRatio(code);
            return mclk > 0 && ratio > 0 ? mclk / ratio : 0;
        }

        private string CommonClockProblem()
        {
            if (Clocks.MclkHz <= 0)
            {
                return "no MCLK";
            }

            if (Bit(RegDacControl21, DacControl21MclkDisable))
            {
                return "MCLK input disabled (DACCONTROL21 MCLK_DIS)";
            }

            if (IsMaster && Clocks.ExternalLrclkHz > 0)
            {
                return "two I2S masters: the codec (MSC=1) and an external LRCLK";
            }

            if (!IsMaster && Clocks.ExternalLrclkHz <= 0)
            {
                return "slave mode without LRCLK";
            }

            return null;
        }

        /// <summary>Null when the DAC can run; otherwise what is wrong with its clocks.</summary>
        public string DacClockProblem
        {
            get
            {
                string common = CommonClockProblem();
                if (common != null)
                {
                    return common;
                }

                int code = _registers[RegDacControl2] & FsRatioCode;
                if (FsRatio(code) == 0)
                {
                    return "reserved DACFsRatio code " + code.ToString();
                }

                double fs = DacSampleRate;
                if (!IsMaster && !NearRate(Clocks.ExternalLrclkHz, fs))
                {
                    return "LRCLK " + Clocks.ExternalLrclkHz.ToString("F0") + " Hz, but MCLK/DACFsRatio gives " + fs.ToString("F0") + " Hz";
                }

                return null;
            }
        }

        /// <summary>Null when the ADC can run; otherwise what is wrong with its clocks (the boards have one LRCK).</summary>
        public string AdcClockProblem
        {
            get
            {
                string common = CommonClockProblem();
                if (common != null)
                {
                    return common;
                }

                int code = _registers[RegAdcControl5] & FsRatioCode;
                if (FsRatio(code) == 0)
                {
                    return "reserved ADCFsRatio code " + code.ToString();
                }

                double frame = IsMaster ? DacSampleRate : Clocks.ExternalLrclkHz;
                double fs = AdcSampleRate;
                if (!NearRate(frame, fs))
                {
                    return "LRCK " + frame.ToString("F0") + " Hz, but MCLK/ADCFsRatio gives " + fs.ToString("F0") + " Hz";
                }

                return null;
            }
        }

        /// <summary>True when either ADC channel is powered (PDNADCL or PDNADCR clear).</summary>
        public bool AdcPowered
        {
            get { return (_registers[RegAdcPower] & AdcOff) != AdcOff; }
        }

        /// <summary>
        /// Null when the clocks are consistent: MCLK present and enabled, one I2S master, the DAC's
        /// MCLK/ratio matching the LRCK, and (when the ADC is powered) the ADC's too. Otherwise what is wrong.
        /// </summary>
        public override string ClockProblem
        {
            get
            {
                string dac = DacClockProblem;
                if (dac != null)
                {
                    return dac;
                }

                return AdcPowered ? AdcClockProblem : null;
            }
        }

        // A change of the DAC's frame rate (or its loss) while an output is audible is a glitch.
        protected override void CheckClocks(long nowUs)
        {
            CheckDacRate(nowUs, DacClockProblem == null ? DacSampleRate : 0);
        }

        /// <summary>
        /// True when an OUT1 driver is enabled and its mixer carries a running DAC or a bypass: a
        /// clock change now would be heard.
        /// </summary>
        public override bool OutputsLive
        {
            get
            {
                for (int ch = 0; ch < 2; ch++)
                {
                    bool left = ch == 0;
                    if (!Out1Enabled(left))
                    {
                        continue;
                    }

                    int own = _registers[left ? RegDacControl17 : RegDacControl20];
                    int cross = _registers[left ? RegDacControl18 : RegDacControl19];
                    int ownDac = left ? 0 : 1;
                    bool dacHeard = ((own & MixerDac) != 0 && DacHeard(ownDac)) || ((cross & MixerDac) != 0 && DacHeard(1 - ownDac));
                    bool bypassHeard = ((own | cross) & MixerBypass) != 0;
                    if (dacHeard || bypassHeard)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private bool DacHeard(int ch)
        {
            return !Bit(RegDacPower, ch == 0 ? DacPowerDacLeftOff : DacPowerDacRightOff) && _dacLevel[ch] < RampSilentLevel;
        }

        // ---- current -------------------------------------------------------------------------------

        /// <summary>Rough supply current from the power bits (order-of-magnitude figures, not measured).</summary>
        public override double CurrentMilliamps
        {
            get
            {
                if (!Powered)
                {
                    return 0;
                }

                double ma = 0.02;
                int vmid = VmidSelect;
                ma += vmid == 3 ? 0.7 : vmid == 1 ? 0.07 : vmid == 2 ? 0.007 : 0;
                if (HeldInReset)
                {
                    return ma;
                }

                int chip = _registers[RegChipPower];
                int adc = _registers[RegAdcPower];
                int dac = _registers[RegDacPower];
                bool clocks = InternalMclkHz > 0;
                if (AnalogueOn)
                {
                    ma += 1.0;
                    ma += Analog.CountBits(~adc & (AdcPowerAinLeftOff | AdcPowerAinRightOff)) * 0.5;
                    ma += Analog.CountBits(~adc & AdcOff) * 1.5;
                    ma += (adc & AdcPowerMicBiasOff) == 0 ? 0.5 : 0;
                    ma += Analog.CountBits(~dac & (DacPowerDacLeftOff | DacPowerDacRightOff)) * 1.5;
                    ma += Analog.CountBits(dac & (DacPowerLout1 | DacPowerRout1)) * 0.8;
                    ma += Analog.CountBits(dac & DacPowerOut2) * 0.8;
                }

                if (clocks)
                {
                    ma += (chip & ChipPowerAdcDigitalOff) == 0 ? 1.5 : 0;
                    ma += (chip & ChipPowerDacDigitalOff) == 0 ? 1.5 : 0;
                }

                return ma + LoadCurrentMilliamps;
            }
        }

    }
}
