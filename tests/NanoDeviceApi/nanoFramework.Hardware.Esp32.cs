// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException; events have add/remove accessors that throw.
//
// Package: nanoFramework.Hardware.Esp32 1.6.42 (assembly nanoFramework.Hardware.Esp32), nanoframework/nanoFramework.Hardware.Esp32 main.
// .NET BCL clash: none.
// NOT declared (not read): namespace nanoFramework.Hardware.Esp32.Touch (TouchPad, TouchPadEventArgs, settings classes, enums),
// Gpio/GpioPulseCount.cs and Gpio/GpioPulsePolarity.cs. Logging is internal in the source ("class Logging"), so it is not declared either.
// Natives were cross-checked with nf-interpreter targets/ESP32/_nanoCLR/nanoFramework.Hardware.ESP32/nanoFramework_hardware_esp32_native.h @023d75d8.

namespace nanoFramework.Hardware.Esp32
{
    internal static class NanoApiDecl_HardwareEsp32
    {
        internal static System.NotImplementedException Fail()
            => new System.NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/Configuration.cs (commit 2fcc3520).
    // Non-static class with an implicit public ctor, as in the source.
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) => throw NanoApiDecl_HardwareEsp32.Fail();

        // Returns -1 if no pin is assigned.
        public static int GetFunctionPin(DeviceFunction function) => throw NanoApiDecl_HardwareEsp32.Fail();
    }

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/DeviceTypePins.cs (commit 2eb59efa, the newest stored of 4 versions).
    // In the source the values are written with internal enum ValueTypes { DeviceIndex = 0x100, DeviceType = 0x10000 }. They are expanded here.
    public enum DeviceTypes
    {
        GPIO = 0x00000000,
        SPI = 0x00010000,
        I2C = 0x00020000,
        SERIAL = 0x00030000,
        PWM = 0x00040000,
        ADC = 0x00050000,
        I2S = 0x00060000,
        SDMMC = 0x00080000,
    }

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/DeviceTypePins.cs (commit 2eb59efa): all 84 members.
    // UNCERTAIN: 1.6.42 may add members after this commit (it is the newest of 4 stored versions).
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x00010100, // 65792 = DeviceTypes.SPI + (1 * DeviceIndex) + 0
        SPI1_MISO = 0x00010101, // 65793 = DeviceTypes.SPI + (1 * DeviceIndex) + 1
        SPI1_CLOCK = 0x00010102, // 65794 = DeviceTypes.SPI + (1 * DeviceIndex) + 2
        SPI2_MOSI = 0x00010200, // 66048 = DeviceTypes.SPI + (2 * DeviceIndex) + 0
        SPI2_MISO = 0x00010201, // 66049 = DeviceTypes.SPI + (2 * DeviceIndex) + 1
        SPI2_CLOCK = 0x00010202, // 66050 = DeviceTypes.SPI + (2 * DeviceIndex) + 2
        I2C1_DATA = 0x00020100, // 131328 = DeviceTypes.I2C + (1 * DeviceIndex) + 0
        I2C1_CLOCK = 0x00020101, // 131329 = DeviceTypes.I2C + (1 * DeviceIndex) + 1
        I2C2_DATA = 0x00020200, // 131584 = DeviceTypes.I2C + (2 * DeviceIndex) + 0
        I2C2_CLOCK = 0x00020201, // 131585 = DeviceTypes.I2C + (2 * DeviceIndex) + 1
        COM1_TX = 0x00030100, // 196864 = DeviceTypes.SERIAL + (1 * DeviceIndex) + 0
        COM1_RX = 0x00030101, // 196865 = DeviceTypes.SERIAL + (1 * DeviceIndex) + 1
        COM1_RTS = 0x00030102, // 196866 = DeviceTypes.SERIAL + (1 * DeviceIndex) + 2
        COM1_CTS = 0x00030103, // 196867 = DeviceTypes.SERIAL + (1 * DeviceIndex) + 3
        COM2_TX = 0x00030200, // 197120 = DeviceTypes.SERIAL + (2 * DeviceIndex) + 0
        COM2_RX = 0x00030201, // 197121 = DeviceTypes.SERIAL + (2 * DeviceIndex) + 1
        COM2_RTS = 0x00030202, // 197122 = DeviceTypes.SERIAL + (2 * DeviceIndex) + 2
        COM2_CTS = 0x00030203, // 197123 = DeviceTypes.SERIAL + (2 * DeviceIndex) + 3
        COM3_TX = 0x00030300, // 197376 = DeviceTypes.SERIAL + (3 * DeviceIndex) + 0
        COM3_RX = 0x00030301, // 197377 = DeviceTypes.SERIAL + (3 * DeviceIndex) + 1
        COM3_RTS = 0x00030302, // 197378 = DeviceTypes.SERIAL + (3 * DeviceIndex) + 2
        COM3_CTS = 0x00030303, // 197379 = DeviceTypes.SERIAL + (3 * DeviceIndex) + 3
        COM4_TX = 0x00030400, // 197632 = DeviceTypes.SERIAL + (4 * DeviceIndex) + 0
        COM4_RX = 0x00030401, // 197633 = DeviceTypes.SERIAL + (4 * DeviceIndex) + 1
        COM4_RTS = 0x00030402, // 197634 = DeviceTypes.SERIAL + (4 * DeviceIndex) + 2
        COM4_CTS = 0x00030403, // 197635 = DeviceTypes.SERIAL + (4 * DeviceIndex) + 3
        PWM1 = 0x00040100, // 262400 = DeviceTypes.PWM + (1 * DeviceIndex) + 0
        PWM2 = 0x00040200, // 262656 = DeviceTypes.PWM + (2 * DeviceIndex) + 0
        PWM3 = 0x00040300, // 262912 = DeviceTypes.PWM + (3 * DeviceIndex) + 0
        PWM4 = 0x00040400, // 263168 = DeviceTypes.PWM + (4 * DeviceIndex) + 0
        PWM5 = 0x00040500, // 263424 = DeviceTypes.PWM + (5 * DeviceIndex) + 0
        PWM6 = 0x00040600, // 263680 = DeviceTypes.PWM + (6 * DeviceIndex) + 0
        PWM7 = 0x00040700, // 263936 = DeviceTypes.PWM + (7 * DeviceIndex) + 0
        PWM8 = 0x00040800, // 264192 = DeviceTypes.PWM + (8 * DeviceIndex) + 0
        PWM9 = 0x00040900, // 264448 = DeviceTypes.PWM + (9 * DeviceIndex) + 0
        PWM10 = 0x00040A00, // 264704 = DeviceTypes.PWM + (10 * DeviceIndex) + 0
        PWM11 = 0x00040B00, // 264960 = DeviceTypes.PWM + (11 * DeviceIndex) + 0
        PWM12 = 0x00040C00, // 265216 = DeviceTypes.PWM + (12 * DeviceIndex) + 0
        PWM13 = 0x00040D00, // 265472 = DeviceTypes.PWM + (13 * DeviceIndex) + 0
        PWM14 = 0x00040E00, // 265728 = DeviceTypes.PWM + (14 * DeviceIndex) + 0
        PWM15 = 0x00040F00, // 265984 = DeviceTypes.PWM + (15 * DeviceIndex) + 0
        PWM16 = 0x00041000, // 266240 = DeviceTypes.PWM + (16 * DeviceIndex) + 0
        ADC1_CH0 = 0x00050100, // 327936 = DeviceTypes.ADC + (1 * DeviceIndex) + 0
        ADC1_CH1 = 0x00050101, // 327937 = DeviceTypes.ADC + (1 * DeviceIndex) + 1
        ADC1_CH2 = 0x00050102, // 327938 = DeviceTypes.ADC + (1 * DeviceIndex) + 2
        ADC1_CH3 = 0x00050103, // 327939 = DeviceTypes.ADC + (1 * DeviceIndex) + 3
        ADC1_CH4 = 0x00050104, // 327940 = DeviceTypes.ADC + (1 * DeviceIndex) + 4
        ADC1_CH5 = 0x00050105, // 327941 = DeviceTypes.ADC + (1 * DeviceIndex) + 5
        ADC1_CH6 = 0x00050106, // 327942 = DeviceTypes.ADC + (1 * DeviceIndex) + 6
        ADC1_CH7 = 0x00050107, // 327943 = DeviceTypes.ADC + (1 * DeviceIndex) + 7
        ADC1_CH8 = 0x00050108, // 327944 = DeviceTypes.ADC + (1 * DeviceIndex) + 8
        ADC1_CH9 = 0x00050109, // 327945 = DeviceTypes.ADC + (1 * DeviceIndex) + 9
        ADC1_CH10 = 0x0005010A, // 327946 = DeviceTypes.ADC + (1 * DeviceIndex) + 10
        ADC1_CH11 = 0x0005010B, // 327947 = DeviceTypes.ADC + (1 * DeviceIndex) + 11
        ADC1_CH12 = 0x0005010C, // 327948 = DeviceTypes.ADC + (1 * DeviceIndex) + 12
        ADC1_CH13 = 0x0005010D, // 327949 = DeviceTypes.ADC + (1 * DeviceIndex) + 13
        ADC1_CH14 = 0x0005010E, // 327950 = DeviceTypes.ADC + (1 * DeviceIndex) + 14
        ADC1_CH15 = 0x0005010F, // 327951 = DeviceTypes.ADC + (1 * DeviceIndex) + 15
        ADC1_CH16 = 0x00050110, // 327952 = DeviceTypes.ADC + (1 * DeviceIndex) + 16
        ADC1_CH17 = 0x00050111, // 327953 = DeviceTypes.ADC + (1 * DeviceIndex) + 17
        ADC1_CH18 = 0x00050112, // 327954 = DeviceTypes.ADC + (1 * DeviceIndex) + 18
        ADC1_CH19 = 0x00050113, // 327955 = DeviceTypes.ADC + (1 * DeviceIndex) + 19
        I2S1_MCK = 0x00060100, // 393472 = DeviceTypes.I2S + (1 * DeviceIndex) + 0
        I2S1_BCK = 0x00060101, // 393473 = DeviceTypes.I2S + (1 * DeviceIndex) + 1
        I2S1_WS = 0x00060102, // 393474 = DeviceTypes.I2S + (1 * DeviceIndex) + 2
        I2S1_DATA_OUT = 0x00060103, // 393475 = DeviceTypes.I2S + (1 * DeviceIndex) + 3
        I2S1_MDATA_IN = 0x00060104, // 393476 = DeviceTypes.I2S + (1 * DeviceIndex) + 4
        I2S2_MCK = 0x00060200, // 393728 = DeviceTypes.I2S + (2 * DeviceIndex) + 0
        I2S2_BCK = 0x00060201, // 393729 = DeviceTypes.I2S + (2 * DeviceIndex) + 1
        I2S2_WS = 0x00060202, // 393730 = DeviceTypes.I2S + (2 * DeviceIndex) + 2
        I2S2_DATA_OUT = 0x00060203, // 393731 = DeviceTypes.I2S + (2 * DeviceIndex) + 3
        I2S2_MDATA_IN = 0x00060204, // 393732 = DeviceTypes.I2S + (2 * DeviceIndex) + 4
        SDMMC1_CLOCK = 0x00080100, // 524544 = DeviceTypes.SDMMC + (1 * DeviceIndex) + 0
        SDMMC1_COMMAND = 0x00080101, // 524545 = DeviceTypes.SDMMC + (1 * DeviceIndex) + 1
        SDMMC1_D0 = 0x00080102, // 524546 = DeviceTypes.SDMMC + (1 * DeviceIndex) + 2
        SDMMC1_D1 = 0x00080103, // 524547 = DeviceTypes.SDMMC + (1 * DeviceIndex) + 3
        SDMMC1_D2 = 0x00080104, // 524548 = DeviceTypes.SDMMC + (1 * DeviceIndex) + 4
        SDMMC1_D3 = 0x00080105, // 524549 = DeviceTypes.SDMMC + (1 * DeviceIndex) + 5
        SDMMC2_CLOCK = 0x00080200, // 524800 = DeviceTypes.SDMMC + (2 * DeviceIndex) + 0
        SDMMC2_COMMAND = 0x00080201, // 524801 = DeviceTypes.SDMMC + (2 * DeviceIndex) + 1
        SDMMC2_D0 = 0x00080202, // 524802 = DeviceTypes.SDMMC + (2 * DeviceIndex) + 2
        SDMMC2_D1 = 0x00080203, // 524803 = DeviceTypes.SDMMC + (2 * DeviceIndex) + 3
        SDMMC2_D2 = 0x00080204, // 524804 = DeviceTypes.SDMMC + (2 * DeviceIndex) + 4
        SDMMC2_D3 = 0x00080205, // 524805 = DeviceTypes.SDMMC + (2 * DeviceIndex) + 5
    }

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/Errors.cs (commit 5ef719ad)
    public enum EspNativeError : int
    {
        OK = 0,
        FAIL = -1,
        NO_MEM = 0x101,
        INVALID_ARG = 0x102,
        INVALID_STATE = 0x103,
        INVALID_SIZE = 0x104,
        NOT_FOUND = 0x105,
        NOT_SUPPORTED = 0x106,
        TIMEOUT = 0x107,
        INVALID_RESPONSE = 0x108,
        INVALID_CRC = 0x109,
        INVALID_VERSION = 0x10A,
        INVALID_MAC = 0x10B,
        WIFI_BASE = 0x3000,
    }

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/Sleep.cs (commit 0a6fea04, the newest stored of 21 versions;
    // its public methods match the native Sleep table @023d75d8). Non-static class with an implicit public ctor, as in the source.
    public class Sleep
    {
        public enum WakeupMode
        {
            AllLow = 0,
            AnyHigh = 1,
        }

        public enum WakeupCause
        {
            Undefined = 0,
            Ext0 = 2,
            Ext1 = 3,
            Timer = 4,
            TouchPad = 5,
            Ulp = 6,
            Gpio = 7,
            Uart = 8,
        }

        [System.Flags]
        public enum WakeupGpioPin : ulong
        {
            None = 0,
            Pin0 = 1,
            Pin2 = 1UL << 2,
            Pin4 = 1UL << 4,
            Pin12 = 1UL << 12,
            Pin13 = 1UL << 13,
            Pin14 = 1UL << 14,
            Pin15 = 1UL << 15,
            Pin25 = 1UL << 25,
            Pin26 = 1UL << 26,
            Pin27 = 1UL << 27,
            Pin32 = 1UL << 32,
            Pin33 = 1UL << 33,
            Pin34 = 1UL << 34,
            Pin35 = 1UL << 35,
            Pin36 = 1UL << 36,
            Pin37 = 1UL << 37,
            Pin38 = 1UL << 38,
            Pin39 = 1UL << 39,
        }

        public enum TouchPad
        {
            Num0 = 0,
            Num1 = 1,
            Num2 = 2,
            Num3 = 3,
            Num4 = 4,
            Num5 = 5,
            Num6 = 6,
            Num7 = 7,
            Num8 = 8,
            Num9 = 9,
            None = 10,
        }

        public static EspNativeError EnableWakeupByTimer(System.TimeSpan time) => throw NanoApiDecl_HardwareEsp32.Fail();

        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level) => throw NanoApiDecl_HardwareEsp32.Fail();

        public static EspNativeError EnableWakeupByMultiPins(WakeupGpioPin pins, WakeupMode mode) => throw NanoApiDecl_HardwareEsp32.Fail();

        public static EspNativeError EnableWakeupByTouchPad() => throw NanoApiDecl_HardwareEsp32.Fail();

        public static EspNativeError StartLightSleep() => throw NanoApiDecl_HardwareEsp32.Fail();

        public static void StartDeepSleep() => throw NanoApiDecl_HardwareEsp32.Fail();

        public static WakeupCause GetWakeupCause() => throw NanoApiDecl_HardwareEsp32.Fail();

        public static WakeupGpioPin GetWakeupGpioPin() => throw NanoApiDecl_HardwareEsp32.Fail();

        public static TouchPad GetWakeupTouchpad() => throw NanoApiDecl_HardwareEsp32.Fail();
    }

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/HighResTimer.cs (commit 2fcc3520)
    public delegate void HighResTimerExpiredEventHandler(HighResTimer sender, object e);

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/HighResTimer.cs (commit 2fcc3520)
    public class HighResTimer : System.IDisposable
    {
        public HighResTimer() { throw NanoApiDecl_HardwareEsp32.Fail(); }

        // A field-like event in the nano source; declared here with throwing add/remove (a field-like event would raise CS0067).
        public event HighResTimerExpiredEventHandler OnHighResTimerExpired
        {
            add => throw NanoApiDecl_HardwareEsp32.Fail();
            remove => throw NanoApiDecl_HardwareEsp32.Fail();
        }

        public static ulong GetCurrent() => throw NanoApiDecl_HardwareEsp32.Fail();

        public void Stop() => throw NanoApiDecl_HardwareEsp32.Fail();

        public void StartOneShot(ulong timeout_us) => throw NanoApiDecl_HardwareEsp32.Fail();

        public void StartOnePeriodic(ulong period_us) => throw NanoApiDecl_HardwareEsp32.Fail();

        protected virtual void Dispose(bool disposing) => throw NanoApiDecl_HardwareEsp32.Fail();

        public void Dispose() => throw NanoApiDecl_HardwareEsp32.Fail();
    }

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/NativeMemory.cs (commit 0aeaeb80). Implicit public ctor, as in the source.
    public class NativeMemory
    {
        public enum MemoryType
        {
            All = 0,
            Internal = 1,
            SpiRam = 2,
        }

        public static void GetMemoryInfo(MemoryType memType, out uint totalSize, out uint totalFreeSize, out uint largestFreeBlock)
            => throw NanoApiDecl_HardwareEsp32.Fail();
    }

    // Source: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/GpioPins.cs (commit 5bc27094): constants only
    public static class Gpio
    {
        public const int IO00 = 0;
        public const int IO01 = 1;
        public const int IO02 = 2;
        public const int IO03 = 3;
        public const int IO04 = 4;
        public const int IO05 = 5;
        public const int IO06 = 6;
        public const int IO07 = 7;
        public const int IO08 = 8;
        public const int IO09 = 9;
        public const int IO10 = 10;
        public const int IO11 = 11;
        public const int IO12 = 12;
        public const int IO13 = 13;
        public const int IO14 = 14;
        public const int IO15 = 15;
        public const int IO16 = 16;
        public const int IO17 = 17;
        public const int IO18 = 18;
        public const int IO19 = 19;
        public const int IO20 = 20;
        public const int IO21 = 21;
        public const int IO22 = 22;
        public const int IO23 = 23;
        public const int IO24 = 24;
        public const int IO25 = 25;
        public const int IO26 = 26;
        public const int IO27 = 27;
        public const int IO28 = 28;
        public const int IO29 = 29;
        public const int IO30 = 30;
        public const int IO31 = 31;
        public const int IO32 = 32;
        public const int IO33 = 33;
        public const int IO34 = 34;
        public const int IO35 = 35;
        public const int IO36 = 36;
        public const int IO37 = 37;
        public const int IO38 = 38;
        public const int IO39 = 39;
    }
}
