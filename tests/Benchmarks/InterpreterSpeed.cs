namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// How long the nanoFramework interpreter on an ESP32 takes per IL instruction, derived from a
    /// published measurement: nanoframework/Home issue #1013 (firmware 1.8.0.6) timed
    /// <c>while (true) led.Toggle();</c> with a frequency meter on the pin: 81 kHz on the
    /// ESP32_PSRAM_REV3 build, 27 kHz on ESP32_REV3. A period is two iterations, and an iteration
    /// is three IL instructions in a release build (ldloc, callvirt of the native GpioPin.Toggle,
    /// br): 6.2 µs and 18.5 µs per iteration. Charging the whole iteration, the native call's
    /// work included, to its three instructions gives 2.1 and 6.2 µs per IL instruction: an upper
    /// bound for plain arithmetic (no native work) and a fair one for calls, which this firmware
    /// makes often. The slower build's figure is the one the budget is checked against.
    /// </summary>
    public sealed class InterpreterSpeed
    {
        public static readonly InterpreterSpeed Conservative = new InterpreterSpeed(1e6 / (27000 * 2) / 3, "ESP32_REV3 build: 27 kHz toggle");

        public static readonly InterpreterSpeed Typical = new InterpreterSpeed(1e6 / (81000 * 2) / 3, "ESP32_PSRAM_REV3 build: 81 kHz toggle");

        public InterpreterSpeed(double microsecondsPerIl, string source)
        {
            MicrosecondsPerIl = microsecondsPerIl;
            Source = source;
        }

        public double MicrosecondsPerIl { get; }

        public string Source { get; }

        /// <summary>Device time: the IL at this speed plus the I2C bits at <paramref name="busHz"/> (the nanoFramework I2C calls block).</summary>
        public double DeviceMs(double il, double bits, int busHz)
        {
            return il * MicrosecondsPerIl / 1000.0 + bits * 1000.0 / busHz;
        }
    }
}
