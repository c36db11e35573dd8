using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    [TestClass]
    public class PowerSupplyModelTests
    {
        private static int _offEvents;
        private static int _onEvents;
        private static long _offEventAtUs;
        private static PowerSupplyModel _observed;

        [TestMethod]
        public static void BankAt40mASwitchesOffAt32Seconds()
        {
            var clock = new VirtualClock();
            var psu = Observed(clock);
            psu.AddConsumer(new FixedConsumer(40));
            psu.Connect(PowerSourceKind.PowerBank);
            Assert.AreEqual(1, _onEvents);

            clock.AdvanceMs(31990);
            Assert.IsTrue(psu.OutputOn);
            Assert.IsTrue(Math.Abs(psu.AverageMilliamps - 40) < 1e-9);
            Assert.AreEqual(0, _offEvents);

            clock.AdvanceMs(20);
            Assert.IsFalse(psu.OutputOn);
            Assert.AreEqual(1, _offEvents);
            Assert.IsTrue(Within(psu.SwitchedOffAtUs, 32000000L, 10000), "at 32 s ± 10 ms");
            Assert.AreEqual(psu.SwitchedOffAtUs, _offEventAtUs);
            Assert.IsTrue(psu.CurrentMilliamps == 0);

            clock.AdvanceMs(60000);
            Assert.AreEqual(1, _offEvents);
        }

        [TestMethod]
        public static void ALongAdvanceSwitchesOffAtTheRightMoment()
        {
            var clock = new VirtualClock();
            var psu = Observed(clock);
            psu.BaseMilliamps = 40;
            clock.AdvanceUs(2345);
            psu.Connect(PowerSourceKind.PowerBank);

            clock.AdvanceMs(100000);
            Assert.IsFalse(psu.OutputOn);
            Assert.AreEqual(1, _offEvents);
            Assert.IsTrue(Within(psu.SwitchedOffAtUs, (2345 + 32000000L), 10000));
        }

        [TestMethod]
        public static void BankAt60mAStaysOnForFiveMinutes()
        {
            var clock = new VirtualClock();
            var psu = Observed(clock);
            psu.AddConsumer(new FixedConsumer(25));
            psu.AddConsumer(new FixedConsumer(35));
            psu.Connect(PowerSourceKind.PowerBank);

            clock.AdvanceMs(300000);
            Assert.IsTrue(psu.OutputOn);
            Assert.AreEqual(0, _offEvents);
            Assert.AreEqual(-1L, psu.SwitchedOffAtUs);
            Assert.IsTrue(Math.Abs(psu.CurrentMilliamps - 60) < 1e-9);
        }

        [TestMethod]
        public static void KeepAlivePulsesKeepALightlyLoadedBankOn()
        {
            var clock = new VirtualClock();
            var psu = Observed(clock);
            psu.BaseMilliamps = 40;
            psu.Connect(PowerSourceKind.PowerBank);

            // 150 mA for 1 s every 10 s
            for (int cycle = 0; cycle < 30; cycle++)
            {
                psu.SetKeepAliveLoad(true);
                Assert.IsTrue(psu.KeepAliveLoadOn);
                Assert.IsTrue(Math.Abs(psu.CurrentMilliamps - 190) < 1e-9);
                clock.AdvanceMs(1000);
                psu.SetKeepAliveLoad(false);
                clock.AdvanceMs(9000);
            }

            Assert.IsTrue(psu.OutputOn);
            Assert.AreEqual(0, _offEvents);
        }

        [TestMethod]
        public static void KeepAlivePulsesTooRareDoNotHelp()
        {
            var clock = new VirtualClock();
            var psu = Observed(clock);
            psu.BaseMilliamps = 40;
            psu.Connect(PowerSourceKind.PowerBank);

            // 1 s every 40 s: 39 s of light load between pulses
            psu.SetKeepAliveLoad(true);
            clock.AdvanceMs(1000);
            psu.SetKeepAliveLoad(false);
            clock.AdvanceMs(39000);

            Assert.IsFalse(psu.OutputOn);
            // the average drops below 45 mA within the 1 s window after the pulse: off ~33 s later
            long offMs = psu.SwitchedOffAtUs / 1000;
            Assert.IsTrue(offMs > 33000 && offMs < 34100);
        }

        [TestMethod]
        public static void ComputerPortsAndChargersNeverSwitchOff()
        {
            var clock = new VirtualClock();
            var port = Observed(clock);
            port.Connect(PowerSourceKind.ComputerPort);
            var charger = new PowerSupplyModel(clock);
            charger.Connect(PowerSourceKind.Charger);

            clock.AdvanceMs(600000);
            Assert.IsTrue(port.OutputOn);
            Assert.IsTrue(charger.OutputOn);
            Assert.AreEqual(0, _offEvents);
            Assert.AreEqual((int)PowerSourceKind.ComputerPort, (int)port.Source);
            Assert.AreEqual((int)PowerSourceKind.Charger, (int)charger.Source);
        }

        [TestMethod]
        public static void BankButtonRestoresOutputAndRestartsTheTimer()
        {
            var clock = new VirtualClock();
            var psu = Observed(clock);
            psu.BaseMilliamps = 20;
            psu.Connect(PowerSourceKind.PowerBank);
            clock.AdvanceMs(40000);
            Assert.IsFalse(psu.OutputOn);

            psu.PressBankButton();
            Assert.IsTrue(psu.OutputOn);
            Assert.AreEqual(2, _onEvents);
            Assert.IsTrue(Math.Abs(psu.CurrentMilliamps - 20) < 1e-9);

            clock.AdvanceMs(31900);
            Assert.IsTrue(psu.OutputOn);
            clock.AdvanceMs(200);
            Assert.IsFalse(psu.OutputOn);
            Assert.AreEqual(2, _offEvents);
            Assert.IsTrue(Within(psu.SwitchedOffAtUs, 72000000L, 10000));
        }

        [TestMethod]
        public static void BankButtonOnAnOnBankRestartsTheTimer()
        {
            var clock = new VirtualClock();
            var psu = Observed(clock);
            psu.Connect(PowerSourceKind.PowerBank);
            clock.AdvanceMs(20000);
            psu.PressBankButton();
            Assert.AreEqual(1, _onEvents);

            clock.AdvanceMs(31900);
            Assert.IsTrue(psu.OutputOn);
            clock.AdvanceMs(200);
            Assert.IsFalse(psu.OutputOn);
        }

        [TestMethod]
        public static void CurrentAndAverageAddEveryLoad()
        {
            var clock = new VirtualClock();
            var psu = new PowerSupplyModel(clock);
            var consumer = new FixedConsumer(30);
            psu.AddConsumer(consumer);
            psu.BaseMilliamps = 5;
            Assert.IsTrue(psu.CurrentMilliamps == 0, "nothing connected: no draw");

            psu.Connect(PowerSourceKind.ComputerPort);
            psu.SetKeepAliveLoad(true);
            Assert.IsTrue(Math.Abs(psu.CurrentMilliamps - 185) < 1e-9);
            psu.SetKeepAliveLoad(false);
            clock.AdvanceMs(2000);
            Assert.IsTrue(Math.Abs(psu.AverageMilliamps - 35) < 1e-9);

            consumer.Milliamps = 95;
            clock.AdvanceMs(500);
            Assert.IsTrue(Math.Abs(psu.CurrentMilliamps - 100) < 1e-9);
            Assert.IsTrue(Math.Abs(psu.AverageMilliamps - 67.5) < 1e-6, "half the 1 s window at 35 mA, half at 100 mA");
            clock.AdvanceMs(500);
            Assert.IsTrue(Math.Abs(psu.AverageMilliamps - 100) < 1e-6);
        }

        [TestMethod]
        public static void SourceIsUnknownWhenItCannotBeSensed()
        {
            var clock = new VirtualClock();
            var psu = Observed(clock);
            Assert.AreEqual((int)PowerSourceKind.Unknown, (int)psu.Source);
            Assert.IsFalse(psu.OutputOn);

            psu.Connect(PowerSourceKind.PowerBank);
            Assert.AreEqual((int)PowerSourceKind.PowerBank, (int)psu.Source);
            psu.CanSenseSource = false;
            Assert.AreEqual((int)PowerSourceKind.Unknown, (int)psu.Source);
            Assert.AreEqual((int)PowerSourceKind.PowerBank, (int)psu.ConnectedKind);

            psu.Disconnect();
            Assert.IsFalse(psu.OutputOn);
            Assert.AreEqual(1, _offEvents);
            Assert.AreEqual((int)PowerSourceKind.Unknown, (int)psu.ConnectedKind);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => psu.Connect(PowerSourceKind.Unknown));
        }

        private static bool Within(long actual, long expected, long tolerance)
        {
            long difference = actual - expected;
            return difference <= tolerance && difference >= -tolerance;
        }

        private static PowerSupplyModel Observed(VirtualClock clock)
        {
            _offEvents = 0;
            _onEvents = 0;
            _offEventAtUs = -1;
            var psu = new PowerSupplyModel(clock);
            _observed = psu;
            psu.PowerChanged += OnPowerChanged;
            return psu;
        }

        private static void OnPowerChanged(bool on)
        {
            if (on)
            {
                _onEvents++;
            }
            else
            {
                _offEvents++;
                _offEventAtUs = _observed.SwitchedOffAtUs;
            }
        }

        private sealed class FixedConsumer : ICurrentConsumer
        {
            public FixedConsumer(double milliamps)
            {
                Milliamps = milliamps;
            }

            public double Milliamps { get; set; }

            public string ConsumerName
            {
                get { return "fixed"; }
            }

            public double CurrentMilliamps
            {
                get { return Milliamps; }
            }
        }
    }
}
