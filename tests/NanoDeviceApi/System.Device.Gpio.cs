// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException; events have add/remove accessors that throw.
//
// Package: nanoFramework.System.Device.Gpio 1.1.62 (assembly System.Device.Gpio), nanoframework/System.Device.Gpio main.
// .NET BCL clash: none. It does clash with the System.Device.Gpio NuGet package (dotnet/iot) if the test assembly references that package.
// Not declared: WaitForEventResult / WaitEventResult (the nfproj drops them from the device PE), GpioDriver, and the internal types
// GpioPinEvent, GpioPinEventListener and GpioPinBundle.

namespace System.Device.Gpio
{
    internal static class NanoApiDecl_SystemDeviceGpio
    {
        internal static NotImplementedException Fail()
            => new NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/GpioPin.cs (commit 641300e8; declared at the top of the file)
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/PinChangeEventHandler.cs. NOT in the store.
    // The shape comes from GpioController.cs, which invokes it as (this, new PinValueChangedEventArgs(...)).
    // Parameter names are taken from dotnet/iot (UNCERTAIN).
    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/GpioController.cs (commit 162ca3b8)
    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw NanoApiDecl_SystemDeviceGpio.Fail(); }

        public GpioController(PinNumberingScheme numberingScheme) { throw NanoApiDecl_SystemDeviceGpio.Fail(); }

        public PinNumberingScheme NumberingScheme
        {
            get => throw NanoApiDecl_SystemDeviceGpio.Fail();
            internal set => throw NanoApiDecl_SystemDeviceGpio.Fail();
        }

        public int PinCount { get => throw NanoApiDecl_SystemDeviceGpio.Fail(); }

        public GpioPin OpenPin(int pinNumber) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void ClosePin(int pinNumber) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void Dispose() => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public PinMode GetPinMode(int pinNumber) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public bool IsPinModeSupported(int pinNumber, PinMode mode) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public bool IsPinOpen(int pinNumber) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public PinValue Read(int pinNumber) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
            => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void SetPinMode(int pinNumber, PinMode mode) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
            => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void Write(int pinNumber, PinValue value) => throw NanoApiDecl_SystemDeviceGpio.Fail();
    }

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/GpioPin.cs (commit 641300e8). Only GpioController.OpenPin creates one.
    public sealed class GpioPin : IDisposable
    {
        internal GpioPin(int pinNumber) { throw NanoApiDecl_SystemDeviceGpio.Fail(); }

        public TimeSpan DebounceTimeout
        {
            get => throw NanoApiDecl_SystemDeviceGpio.Fail();
            set => throw NanoApiDecl_SystemDeviceGpio.Fail();
        }

        public int PinNumber { get => throw NanoApiDecl_SystemDeviceGpio.Fail(); }

        public PinMode GetPinMode() => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public bool IsPinModeSupported(PinMode pinMode) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void SetPinMode(PinMode value) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public PinValue Read() => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void Write(PinValue value) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        // The nano source also uses explicit add/remove accessors.
        public event PinValueChangedEventHandler ValueChanged
        {
            add => throw NanoApiDecl_SystemDeviceGpio.Fail();
            remove => throw NanoApiDecl_SystemDeviceGpio.Fail();
        }

        public void Toggle() => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void Dispose() => throw NanoApiDecl_SystemDeviceGpio.Fail();
    }

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/PinValueChangedEventArgs.cs (commit 5a27dd88). A plain class, NOT derived from System.EventArgs.
    public class PinValueChangedEventArgs
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { throw NanoApiDecl_SystemDeviceGpio.Fail(); }

        public PinEventTypes ChangeType { get => throw NanoApiDecl_SystemDeviceGpio.Fail(); }

        public int PinNumber { get => throw NanoApiDecl_SystemDeviceGpio.Fail(); }
    }

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/PinEventTypes.cs. NOT in the store.
    // Values come from nf-interpreter src/System.Device.Gpio/sys_dev_gpio_native.h (PinEventTypes_None/Rising/Falling); [Flags] is used as in dotnet/iot
    // (the nano GpioController tests it with HasFlag).
    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/PinMode.cs (commit 5a27dd88; implicit values 0..7, matching CPU_GPIO_decl.h)
    public enum PinMode
    {
        Input = 0,
        InputPullDown = 1,
        InputPullUp = 2,
        Output = 3,
        OutputOpenDrain = 4,
        OutputOpenDrainPullUp = 5,
        OutputOpenSource = 6,
        OutputOpenSourcePullDown = 7,
    }

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/PinNumberingScheme.cs. NOT in the store.
    // Members and values are assumed from dotnet/iot (UNCERTAIN).
    public enum PinNumberingScheme
    {
        Logical = 0,
        Board = 1,
    }

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/PinValue.cs (commit 5a27dd88). A readonly struct, NOT an enum.
    public readonly struct PinValue
    {
        public static PinValue High => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public static PinValue Low => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public static implicit operator PinValue(int value) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public static implicit operator PinValue(bool value) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public static explicit operator byte(PinValue value) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public static explicit operator int(PinValue value) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public static explicit operator bool(PinValue value) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public bool Equals(PinValue other) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public override bool Equals(object obj) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public static bool operator ==(PinValue a, PinValue b) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public static bool operator !=(PinValue a, PinValue b) => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public override int GetHashCode() => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public override string ToString() => throw NanoApiDecl_SystemDeviceGpio.Fail();
    }

    // Source: nanoframework/System.Device.Gpio System.Device.Gpio/PinValuePair.cs (commit 512c38a5)
    // UNCERTAIN: an older nfproj removed PinValuePair from the device PE (NFMDP_PE_ExcludeClassByName), and no GpioController method uses it.
    public readonly struct PinValuePair
    {
        public PinValuePair(int pinNumber, PinValue pinValue) { throw NanoApiDecl_SystemDeviceGpio.Fail(); }

        public int PinNumber => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public PinValue PinValue => throw NanoApiDecl_SystemDeviceGpio.Fail();

        public void Deconstruct(out int pinNumber, out PinValue pinValue) => throw NanoApiDecl_SystemDeviceGpio.Fail();
    }
}
