namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// The WM8960's registers and the bit fields this model reads, named after the datasheet
    /// (register map, R0–R55) and sound/soc/codecs/wm8960.h. Kept here, independent of the
    /// driver's tables in drivers/, so that a wrong bit in either shows up in tests. Register
    /// constants are <c>Reg…</c>; a field constant is named after its register and is the field's
    /// mask in place (read it with <see cref="CodecModel.Field"/>).
    /// </summary>
    public sealed partial class Wm8960Model
    {
        public const int RegLeftInputVolume = 0x00;        // R0
        public const int RegRightInputVolume = 0x01;       // R1
        public const int RegLeftOut1Volume = 0x02;         // R2
        public const int RegRightOut1Volume = 0x03;        // R3
        public const int RegClocking1 = 0x04;              // R4
        public const int RegAdcDacControl1 = 0x05;         // R5
        public const int RegAdcDacControl2 = 0x06;         // R6
        public const int RegAudioInterface1 = 0x07;        // R7
        public const int RegClocking2 = 0x08;              // R8
        public const int RegAudioInterface2 = 0x09;        // R9
        public const int RegLeftDacVolume = 0x0A;          // R10
        public const int RegRightDacVolume = 0x0B;         // R11
        public const int RegReset = 0x0F;                  // R15
        public const int RegThreeD = 0x10;                 // R16
        public const int RegAlc1 = 0x11;                   // R17
        public const int RegAlc2 = 0x12;                   // R18
        public const int RegAlc3 = 0x13;                   // R19
        public const int RegNoiseGate = 0x14;              // R20
        public const int RegLeftAdcVolume = 0x15;          // R21
        public const int RegRightAdcVolume = 0x16;         // R22
        public const int RegAdditionalControl1 = 0x17;     // R23
        public const int RegAdditionalControl2 = 0x18;     // R24
        public const int RegPowerManagement1 = 0x19;       // R25
        public const int RegPowerManagement2 = 0x1A;       // R26
        public const int RegAdditionalControl3 = 0x1B;     // R27
        public const int RegAntiPop1 = 0x1C;               // R28
        public const int RegAntiPop2 = 0x1D;               // R29
        public const int RegAdcLeftSignalPath = 0x20;      // R32
        public const int RegAdcRightSignalPath = 0x21;     // R33
        public const int RegLeftOutMix = 0x22;             // R34
        public const int RegRightOutMix = 0x25;            // R37
        public const int RegMonoOutMix1 = 0x26;            // R38
        public const int RegMonoOutMix2 = 0x27;            // R39
        public const int RegLeftSpeakerVolume = 0x28;      // R40
        public const int RegRightSpeakerVolume = 0x29;     // R41
        public const int RegOut3Volume = 0x2A;             // R42
        public const int RegLeftInputBoostMixer = 0x2B;    // R43
        public const int RegRightInputBoostMixer = 0x2C;   // R44
        public const int RegLeftBypass = 0x2D;             // R45
        public const int RegRightBypass = 0x2E;            // R46
        public const int RegPowerManagement3 = 0x2F;       // R47
        public const int RegAdditionalControl4 = 0x30;     // R48
        public const int RegClassDControl1 = 0x31;         // R49
        public const int RegClassDControl2 = 0x33;         // R51
        public const int RegPll1 = 0x34;                   // R52
        public const int RegPll2 = 0x35;                   // R53
        public const int RegPll3 = 0x36;                   // R54
        public const int RegPll4 = 0x37;                   // R55

        /// <summary>R0/R1 power-on value per the datasheet: 0 dB, muted (Linux's table says 0x0A7).</summary>
        public const int DatasheetInputVolumeReset = 0x097;

        /// <summary>Volume-update (VU) latch bit of every volume register (IPVU, OUT1VU, DACVU, ADCVU, SPKVU).</summary>
        public const int VolumeUpdate = 0x100;

        // R0/R1 input PGA volume
        public const int InputVolumeMute = 0x080;          // LINMUTE/RINMUTE
        public const int InputVolumeZeroCross = 0x040;     // LIZC/RIZC
        public const int InputVolumeLevel = 0x03F;         // LINVOL/RINVOL

        // R2/R3 headphone (OUT1) and R40/R41 speaker volume
        public const int OutputVolumeZeroCross = 0x080;    // LO1ZC, SPKLZC
        public const int OutputVolumeLevel = 0x07F;        // LOUT1VOL, SPKLVOL

        /// <summary>Lowest OUT1 volume code that is not mute (0x30 = −73 dB).</summary>
        public const int OutputVolumeLowestAudible = 0x30;

        // R10/R11 DAC and R21/R22 ADC digital volume
        public const int DigitalVolumeLevel = 0x0FF;

        // R4 Clocking (1)
        public const int Clocking1AdcDiv = 0x1C0;          // ADCDIV
        public const int Clocking1DacDiv = 0x038;          // DACDIV
        public const int Clocking1SysclkDiv = 0x006;       // SYSCLKDIV
        public const int Clocking1ClockSelect = 0x001;     // CLKSEL: SYSCLK from the PLL

        // R5 ADC and DAC Control (1)
        public const int AdcDac1DacDiv2 = 0x080;           // DACDIV2: −6 dB
        public const int AdcDac1AdcPolarityRight = 0x040;  // ADCPOL bit 1
        public const int AdcDac1AdcPolarityLeft = 0x020;   // ADCPOL bit 0
        public const int AdcDac1DacMute = 0x008;           // DACMU
        public const int AdcDac1Deemphasis = 0x006;        // DEEMPH
        public const int AdcDac1AdcHighPassDisable = 0x001; // ADCHPD

        // R6 ADC and DAC Control (2)
        public const int AdcDac2DacPolarityRight = 0x040;  // DACPOL bit 1
        public const int AdcDac2DacPolarityLeft = 0x020;   // DACPOL bit 0
        public const int AdcDac2SoftMuteMode = 0x008;      // DACSMM: un-mute ramps up
        public const int AdcDac2SlowMuteRate = 0x004;      // DACMR: 32 samples per step

        // R7 Audio Interface (1), R9 Audio Interface (2)
        public const int AudioInterface1Master = 0x040;    // MS
        public const int AudioInterface2Loopback = 0x001;  // LOOPBACK

        // R16 3D, R17 ALC1, R20 noise gate
        public const int ThreeDEnable = 0x001;             // 3DEN
        public const int Alc1Select = 0x180;               // ALCSEL
        public const int NoiseGateEnable = 0x001;          // NGAT

        // R23 Additional Control (1)
        public const int Additional1MonoMix = 0x010;       // DMONOMIX
        public const int Additional1DataSelect = 0x00C;    // DATSEL
        public const int Additional1TimeoutClock = 0x002;  // TOCLKSEL
        public const int Additional1TimeoutEnable = 0x001; // TOEN

        // R25 Power Management (1)
        public const int Power1VmidSelect = 0x180;         // VMIDSEL
        public const int Power1Vref = 0x040;               // VREF
        public const int Power1AinLeft = 0x020;            // AINL
        public const int Power1AinRight = 0x010;           // AINR
        public const int Power1AdcLeft = 0x008;            // ADCL
        public const int Power1AdcRight = 0x004;           // ADCR
        public const int Power1MicBias = 0x002;            // MICB
        public const int Power1DigitalDisable = 0x001;     // DIGENB: master clock disabled

        // R26 Power Management (2)
        public const int Power2DacLeft = 0x100;            // DACL
        public const int Power2DacRight = 0x080;           // DACR
        public const int Power2Out1Left = 0x040;           // LOUT1
        public const int Power2Out1Right = 0x020;          // ROUT1
        public const int Power2SpeakerLeft = 0x010;        // SPKL
        public const int Power2SpeakerRight = 0x008;       // SPKR
        public const int Power2PllEnable = 0x001;          // PLL_EN

        // R27 Additional Control (3)
        public const int Additional3Vroi = 0x040;          // VROI: 20 kΩ tie-off instead of 500 Ω

        // R28 Anti-pop (1), R29 Anti-pop (2)
        public const int AntiPop1BufferIoEnable = 0x008;   // BUFIOEN
        public const int AntiPop1SoftStart = 0x004;        // SOFT_ST
        public const int AntiPop2Discharge = 0x040;        // DISOP

        // R32/R33 ADC signal path
        public const int SignalPathN1 = 0x100;             // LMN1: LINPUT1 to the inverting PGA input
        public const int SignalPathP3 = 0x080;             // LMP3
        public const int SignalPathP2 = 0x040;             // LMP2
        public const int SignalPathMicBoost = 0x030;       // LMICBOOST
        public const int SignalPathToBoost = 0x008;        // LMIC2B: PGA to the boost mixer

        // R34/R37 output mixers
        public const int OutMixDac = 0x100;                // LD2LO
        public const int OutMixInput3 = 0x080;             // LI2LO
        public const int OutMixInput3Volume = 0x070;       // LI2LOVOL

        // R43/R44 input boost mixers
        public const int BoostMixerInput3 = 0x070;         // LIN3BOOST
        public const int BoostMixerInput2 = 0x00E;         // LIN2BOOST

        // R45/R46 bypass
        public const int BypassBoost = 0x080;              // LB2LO
        public const int BypassVolume = 0x070;             // LB2LOVOL

        // R47 Power Management (3)
        public const int Power3MicLeft = 0x020;            // LMIC
        public const int Power3MicRight = 0x010;           // RMIC
        public const int Power3OutMixLeft = 0x008;         // LOMIX
        public const int Power3OutMixRight = 0x004;        // ROMIX

        // R52 PLL (1), R53–R55 PLL K
        public const int Pll1Fractional = 0x020;           // SDM
        public const int Pll1Prescale = 0x010;             // PLLPRESCALE: MCLK/2
        public const int Pll1N = 0x00F;                    // PLLN
        public const int PllKByte = 0x0FF;                 // PLLK[23:16], [15:8], [7:0]

        /// <summary>Power-on value (datasheet register map; R0/R1 as <paramref name="inputVolumeReset"/>).</summary>
        public static int ResetValue(int index, int inputVolumeReset)
        {
            switch (index)
            {
                case RegLeftInputVolume:
                case RegRightInputVolume: return inputVolumeReset;
                case RegAdcDacControl1: return 0x008;
                case RegAudioInterface1: return 0x00A;
                case RegClocking2: return 0x1C0;
                case RegLeftDacVolume:
                case RegRightDacVolume: return 0x0FF;
                case RegAlc1: return 0x07B;
                case RegAlc2: return 0x100;
                case RegAlc3: return 0x032;
                case RegLeftAdcVolume:
                case RegRightAdcVolume: return 0x0C3;
                case RegAdditionalControl1: return 0x1C0;
                case RegAdcLeftSignalPath:
                case RegAdcRightSignalPath: return 0x100;
                case RegLeftOutMix:
                case RegRightOutMix: return 0x050;
                case RegOut3Volume: return 0x040;
                case RegLeftBypass:
                case RegRightBypass: return 0x050;
                case RegAdditionalControl4: return 0x002;
                case RegClassDControl1: return 0x037;
                case RegClassDControl2: return 0x080;
                case RegPll1: return 0x008;
                case RegPll2: return 0x031;
                case RegPll3: return 0x026;
                case RegPll4: return 0x0E9;
                default: return 0x000;
            }
        }

        // Registers that exist: 0x0C–0x0E, 0x1E, 0x1F, 0x23, 0x24 and 0x32 are reserved.
        private static bool[] BuildImplemented()
        {
            var implemented = new bool[RegisterCount];
            for (int i = 0; i < RegisterCount; i++)
            {
                implemented[i] = true;
            }

            int[] reserved = { 0x0C, 0x0D, 0x0E, 0x1E, 0x1F, 0x23, 0x24, 0x32 };
            for (int i = 0; i < reserved.Length; i++)
            {
                implemented[reserved[i]] = false;
            }

            return implemented;
        }
    }
}
