using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>The reference board on a power bank: the current model and the bank's auto-off, end to end.</summary>
    [TestClass]
    public class BoardPowerTests
    {
        [TestMethod]
        public static void AnIdleBoardOnAPowerBankLosesPowerAfter32Seconds()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 4);
            board.ConnectPowerBank();
            Assert.IsTrue(board.Power.CurrentMilliamps < 45, "ESP32 + bridge + idle chips draw " + board.Power.CurrentMilliamps.ToString("F1") + " mA");

            board.RunMs(31000);
            Assert.IsTrue(board.Powered);
            board.RunMs(2000);
            Assert.IsFalse(board.Powered, "the bank saw less than 45 mA for 32 s");
            Assert.AreEqual((int)I2cStatus.AddressNotAcknowledged, (int)board.Bus.Write(0x1A, new byte[] { 0x0E, 0x02 }, 0, 2), "unpowered chips answer nothing");
            Assert.IsTrue(board.Log.Contains(LogLevel.Warning, "power lost"));
        }

        [TestMethod]
        public static void KeepAlivePulsesHoldThePowerBankOn()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 4);
            board.ConnectPowerBank();
            IPowerSupply power = board.Power;
            for (int second = 0; second < 120; second += 10)
            {
                power.SetKeepAliveLoad(true);
                board.RunMs(1000);
                power.SetKeepAliveLoad(false);
                board.RunMs(9000);
            }

            Assert.IsTrue(board.Powered);
        }

        [TestMethod]
        public static void AComputerPortNeverSwitchesOff()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 4);
            board.ConnectComputer();
            board.RunMs(120000);
            Assert.IsTrue(board.Powered);
            Assert.IsTrue(board.Usb.HostConfigured);
            Assert.AreEqual((int)PowerSourceKind.ComputerPort, (int)board.Power.Source);
        }
    }
}
