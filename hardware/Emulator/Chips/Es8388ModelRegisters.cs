namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// The ES8388's registers and the bit fields this model reads, named after the register names
    /// of sound/soc/codecs/es8328.h (the ES8388 is register-compatible) and the NuttX es8388 header.
    /// Kept here, independent of the driver's tables in drivers/, so that a wrong bit in either
    /// shows up in tests. Register constants are <c>Reg…</c>; a field constant is named after its
    /// register and is the field's mask in place (read it with <see cref="CodecModel.Field"/>).
    /// </summary>
    public sealed partial class Es8388Model
    {
        public const int RegControl1 = 0x00;
        public const int RegControl2 = 0x01;
        public const int RegChipPower = 0x02;
        public const int RegAdcPower = 0x03;
        public const int RegDacPower = 0x04;
        public const int RegChipLowPower1 = 0x05;
        public const int RegChipLowPower2 = 0x06;
        public const int RegAnalogVoltageManagement = 0x07;
        public const int RegMasterMode = 0x08;
        public const int RegAdcControl1 = 0x09;
        public const int RegAdcControl2 = 0x0A;
        public const int RegAdcControl3 = 0x0B;
        public const int RegAdcControl4 = 0x0C;
        public const int RegAdcControl5 = 0x0D;
        public const int RegAdcControl6 = 0x0E;
        public const int RegAdcControl7 = 0x0F;
        public const int RegAdcControl8 = 0x10;
        public const int RegAdcControl9 = 0x11;
        public const int RegAdcControl10 = 0x12;
        public const int RegAdcControl11 = 0x13;
        public const int RegAdcControl12 = 0x14;
        public const int RegAdcControl13 = 0x15;
        public const int RegAdcControl14 = 0x16;
        public const int RegDacControl1 = 0x17;
        public const int RegDacControl2 = 0x18;
        public const int RegDacControl3 = 0x19;
        public const int RegDacControl4 = 0x1A;
        public const int RegDacControl5 = 0x1B;
        public const int RegDacControl6 = 0x1C;
        public const int RegDacControl7 = 0x1D;
        public const int RegDacControl8 = 0x1E;
        public const int RegDacControl9 = 0x1F;
        public const int RegDacControl10 = 0x20;
        public const int RegDacControl11 = 0x21;
        public const int RegDacControl12 = 0x22;
        public const int RegDacControl13 = 0x23;
        public const int RegDacControl14 = 0x24;
        public const int RegDacControl15 = 0x25;
        public const int RegDacControl16 = 0x26;
        public const int RegDacControl17 = 0x27;
        public const int RegDacControl18 = 0x28;
        public const int RegDacControl19 = 0x29;
        public const int RegDacControl20 = 0x2A;
        public const int RegDacControl21 = 0x2B;
        public const int RegDacControl22 = 0x2C;
        public const int RegDacControl23 = 0x2D;
        public const int RegLout1Volume = 0x2E;     // DACCONTROL24
        public const int RegRout1Volume = 0x2F;     // DACCONTROL25
        public const int RegLout2Volume = 0x30;     // DACCONTROL26
        public const int RegRout2Volume = 0x31;     // DACCONTROL27
        public const int RegDacControl28 = 0x32;
        public const int RegDacControl29 = 0x33;
        public const int RegDacControl30 = 0x34;
        public const int RegUndocumented35 = 0x35;
        public const int RegUndocumented37 = 0x37;
        public const int RegUndocumented39 = 0x39;

        // CONTROL1
        public const int Control1ScpReset = 0x80;            // SCPRESET: register reset
        public const int Control1EnRef = 0x04;               // ENREF
        public const int Control1VmidSelect = 0x03;          // VMIDSEL

        // CONTROL2
        public const int Control2AnalogOff = 0x08;           // PDNANA
        public const int Control2BiasGenOff = 0x04;          // PDNIBIASGEN

        // CHIPPOWER
        public const int ChipPowerAdcDigitalOff = 0x80;      // ADC_DIGPDN
        public const int ChipPowerDacDigitalOff = 0x40;      // DAC_DIGPDN
        public const int ChipPowerAdcStateReset = 0x20;      // ADC_STM_RST
        public const int ChipPowerDacStateReset = 0x10;      // DAC_STM_RST
        public const int ChipPowerAdcVrefOff = 0x02;         // ADCVREF_PDN
        public const int ChipPowerDacVrefOff = 0x01;         // DACVREF_PDN

        // ADCPOWER
        public const int AdcPowerAinLeftOff = 0x80;          // PDNAINL
        public const int AdcPowerAinRightOff = 0x40;         // PDNAINR
        public const int AdcPowerAdcLeftOff = 0x20;          // PDNADCL
        public const int AdcPowerAdcRightOff = 0x10;         // PDNADCR
        public const int AdcPowerMicBiasOff = 0x08;          // PDNMICB
        public const int AdcPowerBiasGenOff = 0x04;          // PDNADCBIASGEN

        // DACPOWER
        public const int DacPowerDacLeftOff = 0x80;          // PDNDACL
        public const int DacPowerDacRightOff = 0x40;         // PDNDACR
        public const int DacPowerLout1 = 0x20;               // LOUT1 enable
        public const int DacPowerRout1 = 0x10;               // ROUT1 enable
        public const int DacPowerOut2 = 0x0C;                // LOUT2, ROUT2 enable

        // MASTERMODE
        public const int MasterModeMaster = 0x80;            // MSC: the codec is the I2S master (reset value)
        public const int MasterModeMclkDiv2 = 0x40;          // MCLKDIV2

        // ADCCONTROL1: mic PGA
        public const int AdcControl1MicAmpLeft = 0xF0;       // MICAMPL
        public const int AdcControl1MicAmpRight = 0x0F;      // MICAMPR

        // ADCCONTROL2: input select
        public const int AdcControl2LinSel = 0xC0;           // LINSEL
        public const int AdcControl2RinSel = 0x30;           // RINSEL
        public const int AdcControl2DsSel = 0x08;            // DSSEL: the right channel uses DSR
        public const int AdcControl2Dsr = 0x04;              // DSR: right differential pair 2

        // ADCCONTROL3
        public const int AdcControl3Ds = 0x80;               // DS: differential pair 2
        public const int AdcControl3MonoMix = 0x18;          // ADC mono mix

        // ADCCONTROL4
        public const int AdcControl4DatSel = 0xC0;           // DATSEL

        // ADCCONTROL5 / DACCONTROL2: clock ratio
        public const int FsDoubleSpeed = 0x20;               // ADCFsMode / DACFsMode
        public const int FsRatioCode = 0x1F;                 // ADCFsRatio / DACFsRatio

        // ADCCONTROL6
        public const int AdcControl6InvertLeft = 0x80;       // ADCINVL
        public const int AdcControl6InvertRight = 0x40;      // ADCINVR
        public const int AdcControl6HighPassLeft = 0x20;     // ADCHPFL
        public const int AdcControl6HighPassRight = 0x10;    // ADCHPFR

        // ADCCONTROL7 and DACCONTROL3 share their layout: ramp rate, soft ramp, LER, mute
        public const int VolumeRampRate = 0xC0;              // ADCRAMPRATE / DACRAMPRATE
        public const int AdcControl7SoftRamp = 0x20;         // ADCSOFTRAMP
        public const int AdcControl7LeftSetsBoth = 0x08;     // ADCLER: both channels at the left volume
        public const int AdcControl7Mute = 0x04;             // ADCMUTE
        public const int DacControl3SoftRamp = 0x20;         // DACSOFTRAMP
        public const int DacControl3LeftSetsBoth = 0x08;     // DACLER
        public const int DacControl3Mute = 0x04;             // DACMUTE

        // ADCCONTROL10 (ALC), ADCCONTROL14 (noise gate)
        public const int AdcControl10AlcSel = 0xC0;          // ALCSEL
        public const int AdcControl14NoiseGate = 0x01;       // NGAT

        // DACCONTROL1
        public const int DacControl1LrSwap = 0x80;           // DACLRSWAP

        // DACCONTROL6
        public const int DacControl6Deemphasis = 0xC0;       // DEEMP
        public const int DacControl6InvertLeft = 0x20;       // DACINVL
        public const int DacControl6InvertRight = 0x10;      // DACINVR

        // DACCONTROL7
        public const int DacControl7Zero = 0xC0;             // ZEROL, ZEROR
        public const int DacControl7Mono = 0x20;             // MONO
        public const int DacControl7StereoEnhance = 0x1C;    // SE
        public const int DacControl7Vpp = 0x03;              // VPP scale

        // DACCONTROL16: bypass sources
        public const int DacControl16LMixSel = 0x38;         // LMIXSEL
        public const int DacControl16RMixSel = 0x07;         // RMIXSEL

        // DACCONTROL17–20: output mixers
        public const int MixerDac = 0x80;                    // LD2LO, RD2LO, LD2RO, RD2RO
        public const int MixerBypass = 0x40;                 // LI2LO, RI2LO, LI2RO, RI2RO
        public const int MixerBypassVolume = 0x38;           // LI2LOVOL …

        // DACCONTROL21, DACCONTROL23
        public const int DacControl21MclkDisable = 0x10;     // MCLK_DIS (a model decision)
        public const int DacControl23Vroi = 0x10;            // VROI: 40 kΩ tie-off

        // LOUT1VOL/ROUT1VOL, digital volume, mic PGA codes
        public const int Out1VolumeLevel = 0x3F;
        public const int DigitalVolumeCode = 0xFF;

        /// <summary>What keeps the ADC's digital side down: ADC_DIGPDN, ADC_STM_RST, ADCVREF_PDN.</summary>
        public const int AdcDigitalOff = ChipPowerAdcDigitalOff | ChipPowerAdcStateReset | ChipPowerAdcVrefOff;

        /// <summary>What keeps the DAC's digital side down: DAC_DIGPDN, DAC_STM_RST, DACVREF_PDN.</summary>
        public const int DacDigitalOff = ChipPowerDacDigitalOff | ChipPowerDacStateReset | ChipPowerDacVrefOff;

        /// <summary>Both ADC channels powered down (PDNADCL and PDNADCR).</summary>
        public const int AdcOff = AdcPowerAdcLeftOff | AdcPowerAdcRightOff;

        // LINSEL/RINSEL codes (ADCCONTROL2) and LMIXSEL/RMIXSEL codes (DACCONTROL16)
        public const int InputSelectIn1 = 0;
        public const int InputSelectIn2 = 1;
        public const int InputSelectReserved = 2;
        public const int InputSelectDifferential = 3;
        public const int MixSelectIn1 = 0;
        public const int MixSelectIn2 = 1;
        public const int MixSelectPga = 3;

        /// <summary>True for the registers the chip has: 0x00–0x34 and the undocumented 0x35, 0x37, 0x39.</summary>
        public static bool Exists(int index)
        {
            return (index >= RegControl1 && index <= RegUndocumented35) || index == RegUndocumented37 || index == RegUndocumented39;
        }

        /// <summary>Power-up default (NuttX "Register Power-up Default Values"; 0x35/0x37/0x39 unknown, 0x00 here).</summary>
        public static int ResetValue(int index)
        {
            switch (index)
            {
                case RegControl1: return 0x06;
                case RegControl2: return 0x5C;
                case RegChipPower: return 0xC3;
                case RegAdcPower: return 0xFC;
                case RegDacPower: return 0xC0;
                case RegAnalogVoltageManagement: return 0x7C;
                case RegMasterMode: return 0x80;
                case RegAdcControl3: return 0x02;
                case RegAdcControl5: return 0x06;
                case RegAdcControl6: return 0x30;
                case RegAdcControl7: return 0x20;
                case RegAdcControl8: return 0xC0;
                case RegAdcControl9: return 0xC0;
                case RegAdcControl10: return 0x38;
                case RegAdcControl11: return 0xB0;
                case RegAdcControl12: return 0x32;
                case RegAdcControl13: return 0x06;
                case RegDacControl2: return 0x06;
                case RegDacControl3: return 0x22;
                case RegDacControl4: return 0xC0;
                case RegDacControl5: return 0xC0;
                case RegDacControl6: return 0x08;
                case RegDacControl8: return 0x1F;
                case RegDacControl9: return 0xF7;
                case RegDacControl10: return 0xFD;
                case RegDacControl11: return 0xFF;
                case RegDacControl12: return 0x1F;
                case RegDacControl13: return 0xF7;
                case RegDacControl14: return 0xFD;
                case RegDacControl15: return 0xFF;
                case RegDacControl17: return 0x38;
                case RegDacControl18: return 0x28;
                case RegDacControl19: return 0x28;
                case RegDacControl20: return 0x38;
                case RegDacControl29: return 0xAA;
                case RegDacControl30: return 0xAA;
                default: return 0x00;
            }
        }
    }
}
